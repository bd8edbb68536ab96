namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Tenant resources of the current organization and sandbox.</summary>
public interface ISchemaRegistryStore
{
    /// <summary>A resource by <c>$id</c> or <c>meta:altId</c>.</summary>
    Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct);

    Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct);

    /// <summary>The resource (of any type) that already carries this title, if any.</summary>
    Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct);

    /// <summary>Adds a resource; throws <see cref="XdmTitleTakenException"/> when a concurrent writer took the title.</summary>
    Task AddAsync(XdmResource resource, CancellationToken ct);

    /// <summary>Deletes a resource; deleting a schema also deletes the descriptors that name it.</summary>
    Task DeleteAsync(XdmResource resource, CancellationToken ct);
}

/// <summary>Raised by a store when the title is taken by another resource of the tenant.</summary>
public sealed class XdmTitleTakenException : Exception
{
    public XdmTitleTakenException()
    {
    }

    public XdmTitleTakenException(string message)
        : base(message)
    {
    }

    public XdmTitleTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
