using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.SchemaRegistry;

/// <summary>Descriptors of the Schema Registry; the context scopes every query to the request's org and sandbox.</summary>
internal sealed class EfXdmDescriptorStore(PlatformDbContext db) : IXdmDescriptorStore
{
    public Task<XdmDescriptor?> FindAsync(string id, CancellationToken ct) =>
        db.XdmDescriptors.FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<IReadOnlyList<XdmDescriptor>> ListAsync(CancellationToken ct) =>
        await db.XdmDescriptors.AsNoTracking().OrderBy(d => d.Created).ThenBy(d => d.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<XdmDescriptor>> ListForSchemaAsync(string schemaId, CancellationToken ct) =>
        await db.XdmDescriptors.AsNoTracking().Where(d => d.SourceSchema == schemaId).OrderBy(d => d.Created).ThenBy(d => d.Id).ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct) => db.XdmDescriptors.CountAsync(ct);

    public Task AddAsync(XdmDescriptor descriptor, CancellationToken ct) =>
        db.AddUniqueAsync(descriptor, Taken(descriptor), ct);

    public async Task UpdateAsync(XdmDescriptor descriptor, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(descriptor).State = EntityState.Detached;
            throw Taken(descriptor)(ex);
        }
    }

    public async Task DeleteAsync(XdmDescriptor descriptor, CancellationToken ct)
    {
        db.XdmDescriptors.Remove(descriptor);
        await db.SaveChangesAsync(ct);
    }

    private static Func<DbUpdateException, Exception> Taken(XdmDescriptor descriptor) =>
        ex => new XdmPrimaryIdentityTakenException($"Schema {descriptor.SourceSchema} already has a primary identity descriptor.", ex);
}
