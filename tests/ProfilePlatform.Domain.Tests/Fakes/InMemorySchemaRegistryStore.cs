using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="ISchemaRegistryStore"/> for one tenant, in memory.</summary>
public sealed class InMemorySchemaRegistryStore : ISchemaRegistryStore
{
    private readonly List<XdmResource> _resources = [];

    public Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Id == idOrAltId || r.AltId == idOrAltId));

    public Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmResource>>([.. _resources.Where(r => type is null || r.Type == type)]);

    public Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Title == title));

    public Task AddAsync(XdmResource resource, CancellationToken ct)
    {
        _resources.Add(resource);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(XdmResource resource, CancellationToken ct)
    {
        _resources.Remove(resource);
        return Task.CompletedTask;
    }
}
