using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="IXdmDescriptorStore"/> for one sandbox that honours the contract in its XML docs, including
/// the one-primary-identity-per-schema uniqueness the real store gets from an index.</summary>
public sealed class InMemoryDescriptorStore : IXdmDescriptorStore
{
    private readonly List<XdmDescriptor> _descriptors = [];

    public IReadOnlyList<XdmDescriptor> All => _descriptors;

    /// <summary>What <see cref="CountAsync"/> reports on top of the stored descriptors: lets a test reach the 4000 limit.</summary>
    public int ExtraCount { get; set; }

    /// <summary>Run at the start of the next <see cref="AddAsync"/>, once: lets a test play a concurrent writer.</summary>
    public Action? BeforeNextAdd { get; set; }

    public Task<XdmDescriptor?> FindAsync(string id, CancellationToken ct) => Task.FromResult(_descriptors.FirstOrDefault(d => d.Id == id));

    public Task<IReadOnlyList<XdmDescriptor>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmDescriptor>>(_descriptors.OrderBy(d => d.Created).ThenBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<IReadOnlyList<XdmDescriptor>> ListForSchemaAsync(string schemaId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<XdmDescriptor>>(_descriptors.Where(d => d.SourceSchema == schemaId).OrderBy(d => d.Created).ThenBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(_descriptors.Count + ExtraCount);

    public Task AddAsync(XdmDescriptor descriptor, CancellationToken ct)
    {
        var hook = BeforeNextAdd;
        BeforeNextAdd = null;
        hook?.Invoke();
        EnsureUniquePrimary(descriptor);
        _descriptors.Add(descriptor);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(XdmDescriptor descriptor, CancellationToken ct)
    {
        EnsureUniquePrimary(descriptor);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(XdmDescriptor descriptor, CancellationToken ct)
    {
        _descriptors.Remove(descriptor);
        return Task.CompletedTask;
    }

    /// <summary>Adds a descriptor behind the service's back, as a concurrent request would.</summary>
    public void Smuggle(XdmDescriptor descriptor) => _descriptors.Add(descriptor);

    public void RemoveSchema(string schemaId) => _descriptors.RemoveAll(d => d.SourceSchema == schemaId || d.DestinationSchema == schemaId);

    private void EnsureUniquePrimary(XdmDescriptor descriptor)
    {
        if (descriptor.PrimaryIdentityOf is { } schema && _descriptors.Any(d => d.Id != descriptor.Id && d.PrimaryIdentityOf == schema))
        {
            throw new XdmPrimaryIdentityTakenException(schema);
        }
    }
}
