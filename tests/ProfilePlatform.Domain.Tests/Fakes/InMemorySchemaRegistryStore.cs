using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="ISchemaRegistryStore"/> for one sandbox that honours the contract in its XML docs, deleting a
/// schema's descriptors from <see cref="Descriptors"/> when one is given.</summary>
public sealed class InMemorySchemaRegistryStore(InMemoryDescriptorStore? descriptors = null) : ISchemaRegistryStore
{
    private readonly List<XdmResource> _resources = [];

    public InMemoryDescriptorStore? Descriptors { get; } = descriptors;

    public Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Id == idOrAltId || r.AltId == idOrAltId));

    public Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmResource>>(_resources.Where(r => type is null || r.Type == type).OrderBy(r => r.Title, StringComparer.Ordinal).ToList());

    public Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct) =>
        Task.FromResult(_resources.FirstOrDefault(r => r.Title == title));

    public Task AddAsync(XdmResource resource, CancellationToken ct)
    {
        if (_resources.Any(r => r.Title == resource.Title))
        {
            throw new XdmTitleTakenException(resource.Title);
        }

        _resources.Add(resource);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(XdmResource resource, CancellationToken ct)
    {
        _resources.Remove(resource);
        if (resource.Type == XdmResourceType.Schema)
        {
            Descriptors?.RemoveSchema(resource.Id);
        }

        return Task.CompletedTask;
    }
}
