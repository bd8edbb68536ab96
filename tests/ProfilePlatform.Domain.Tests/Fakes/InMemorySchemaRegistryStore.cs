using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="ISchemaRegistryStore"/> for one sandbox that honours the contract in its XML docs, deleting a
/// schema's descriptors from <see cref="Descriptors"/> when one is given.</summary>
public sealed class InMemorySchemaRegistryStore(InMemoryDescriptorStore? descriptors = null) : ISchemaRegistryStore
{
    private readonly List<XdmResource> _resources = [];
    private readonly List<XdmAuditEntry> _audits = [];

    public InMemoryDescriptorStore? Descriptors { get; } = descriptors;

    public Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Id == idOrAltId || r.AltId == idOrAltId));

    public Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmResource>>(_resources.Where(r => type is null || r.Type == type).OrderBy(r => r.Title, StringComparer.Ordinal).ToList());

    public Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Title == title));

    public Task AddAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct) => AddAllAsync([resource], [audit], ct);

    public Task AddAllAsync(IReadOnlyList<XdmResource> resources, IReadOnlyList<XdmAuditEntry> audits, CancellationToken ct)
    {
        if (resources.Any(n => _resources.Any(r => r.Title == n.Title || r.Id == n.Id)) || resources.Select(r => r.Title).Distinct().Count() != resources.Count)
        {
            throw new XdmTitleTakenException("taken");
        }

        _resources.AddRange(resources);
        _audits.AddRange(audits);
        return Task.CompletedTask;
    }

    /// <summary>The stored resources are the instances callers revise, so an update only has to check the title.</summary>
    public Task UpdateAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct)
    {
        if (_resources.Any(r => r.Title == resource.Title && r.Id != resource.Id))
        {
            throw new XdmTitleTakenException(resource.Title);
        }

        _audits.Add(audit);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<XdmAuditEntry>> AuditLogAsync(string resourceId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmAuditEntry>>(_audits.Where(a => a.ResourceId == resourceId).OrderByDescending(a => a.Id, StringComparer.Ordinal).ToList());

    public Task DeleteAsync(XdmResource resource, CancellationToken ct)
    {
        _resources.Remove(resource);
        _audits.RemoveAll(a => a.ResourceId == resource.Id);
        if (resource.Type == XdmResourceType.Schema)
        {
            Descriptors?.RemoveSchema(resource.Id);
        }

        return Task.CompletedTask;
    }
}
