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

    public async Task AddAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct)
    {
        db.XdmAuditEntries.Add(audit);
        try
        {
            await db.AddUniqueAsync(resource, ex => new XdmTitleTakenException($"The title '{resource.Title}' is taken.", ex), ct);
        }
        finally
        {
            db.Entry(audit).State = EntityState.Detached;
        }
    }

    public async Task AddAllAsync(IReadOnlyList<XdmResource> resources, IReadOnlyList<XdmAuditEntry> audits, CancellationToken ct)
    {
        db.XdmResources.AddRange(resources);
        db.XdmAuditEntries.AddRange(audits);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new XdmTitleTakenException("A title or $id of the imported resources is taken.", ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task UpdateAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct)
    {
        db.XdmAuditEntries.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new XdmConcurrentUpdateException($"Resource {resource.Id} changed since it was read.", ex);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.ChangeTracker.Clear();
            throw new XdmTitleTakenException($"The title '{resource.Title}' is taken.", ex);
        }
        finally
        {
            db.Entry(audit).State = EntityState.Detached;
        }
    }

    public async Task DeleteAsync(XdmResource resource, CancellationToken ct)
    {
        if (resource.Type == XdmResourceType.Schema)
        {
            db.XdmDescriptors.RemoveRange(await db.XdmDescriptors
                .Where(d => d.SourceSchema == resource.Id || d.DestinationSchema == resource.Id)
                .ToListAsync(ct));
        }

        db.XdmResources.Remove(resource);
        db.XdmAuditEntries.RemoveRange(await db.XdmAuditEntries.Where(a => a.ResourceId == resource.Id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<XdmAuditEntry>> AuditLogAsync(string resourceId, CancellationToken ct) =>
        await db.XdmAuditEntries.AsNoTracking().Where(a => a.ResourceId == resourceId).OrderByDescending(a => a.Id).ToListAsync(ct);
}
