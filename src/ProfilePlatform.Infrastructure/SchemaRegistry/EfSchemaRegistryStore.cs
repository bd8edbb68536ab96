using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.SchemaRegistry;

/// <summary>Tenant resources of the Schema Registry; the context scopes every query to the request's org and sandbox.</summary>
/// <remarks>Deleting a schema deletes, in the same transaction, the descriptors that name it as source or
/// destination: no descriptor is left pointing to nothing (AEP documents no behaviour here; this is the platform's choice).</remarks>
internal sealed class EfSchemaRegistryStore(PlatformDbContext db) : ISchemaRegistryStore
{
    public Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct) =>
        db.XdmResources.FirstOrDefaultAsync(r => r.Id == idOrAltId || r.AltId == idOrAltId, ct);

    public async Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct) =>
        await (type is { } t ? db.XdmResources.Where(r => r.Type == t) : db.XdmResources)
            .AsNoTracking().OrderBy(r => r.Title).ToListAsync(ct);

    public Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct) =>
        db.XdmResources.AsNoTracking().FirstOrDefaultAsync(r => r.Title == title, ct);

    public Task AddAsync(XdmResource resource, CancellationToken ct) =>
        db.AddUniqueAsync(resource, ex => new XdmTitleTakenException($"The title '{resource.Title}' is taken.", ex), ct);

    public async Task DeleteAsync(XdmResource resource, CancellationToken ct)
    {
        if (resource.Type == XdmResourceType.Schema)
        {
            db.XdmDescriptors.RemoveRange(await db.XdmDescriptors
                .Where(d => d.SourceSchema == resource.Id || d.DestinationSchema == resource.Id)
                .ToListAsync(ct));
        }

        db.XdmResources.Remove(resource);
        await db.SaveChangesAsync(ct);
    }
}
