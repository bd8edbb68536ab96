namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>Descriptors of the current organization and sandbox.</summary>
public interface IXdmDescriptorStore
{
    Task<XdmDescriptor?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every descriptor of the sandbox, oldest first.</summary>
    Task<IReadOnlyList<XdmDescriptor>> ListAsync(CancellationToken ct);

    /// <summary>The descriptors whose <c>xdm:sourceSchema</c> is <paramref name="schemaId"/>, oldest first.</summary>
    Task<IReadOnlyList<XdmDescriptor>> ListForSchemaAsync(string schemaId, CancellationToken ct);

    Task<int> CountAsync(CancellationToken ct);

    /// <summary>Adds a descriptor; throws <see cref="XdmPrimaryIdentityTakenException"/> when a concurrent writer gave
    /// the schema its primary identity first.</summary>
    Task AddAsync(XdmDescriptor descriptor, CancellationToken ct);

    /// <summary>Saves a descriptor found by <see cref="FindAsync"/> and changed; same exception as <see cref="AddAsync"/>.</summary>
    Task UpdateAsync(XdmDescriptor descriptor, CancellationToken ct);

    Task DeleteAsync(XdmDescriptor descriptor, CancellationToken ct);
}

/// <summary>Raised by a store when the schema already has a primary identity descriptor.</summary>
public sealed class XdmPrimaryIdentityTakenException : Exception
{
    public XdmPrimaryIdentityTakenException()
    {
    }

    public XdmPrimaryIdentityTakenException(string message)
        : base(message)
    {
    }

    public XdmPrimaryIdentityTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
