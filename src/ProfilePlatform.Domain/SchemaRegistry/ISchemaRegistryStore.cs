namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Tenant resources of the current organization and sandbox.</summary>
public interface ISchemaRegistryStore
{
    /// <summary>A resource by <c>$id</c> or <c>meta:altId</c>.</summary>
    Task<XdmResource?> FindAsync(string idOrAltId, CancellationToken ct);

    Task<IReadOnlyList<XdmResource>> ListAsync(XdmResourceType? type, CancellationToken ct);

    /// <summary>The resource (of any type) that already carries this title, if any.</summary>
    Task<XdmResource?> FindByTitleAsync(string title, CancellationToken ct);

    /// <summary>Adds a resource and its first audit entry; throws <see cref="XdmTitleTakenException"/> when a concurrent
    /// writer took the title.</summary>
    Task AddAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct);

    /// <summary>Adds several resources (an import) in one transaction: all or none. Throws
    /// <see cref="XdmTitleTakenException"/> when a title or <c>$id</c> is taken.</summary>
    Task AddAllAsync(IReadOnlyList<XdmResource> resources, IReadOnlyList<XdmAuditEntry> audits, CancellationToken ct);

    /// <summary>Stores a revision found with <see cref="FindAsync"/> and its audit entry in one transaction; throws
    /// <see cref="XdmTitleTakenException"/> for a taken title and <see cref="XdmConcurrentUpdateException"/> when another
    /// writer stored a revision since the resource was read.</summary>
    Task UpdateAsync(XdmResource resource, XdmAuditEntry audit, CancellationToken ct);

    /// <summary>Deletes the resource with its audit log; deleting a schema also deletes the descriptors that name it.</summary>
    Task DeleteAsync(XdmResource resource, CancellationToken ct);

    /// <summary>The audit entries of a resource, newest first.</summary>
    Task<IReadOnlyList<XdmAuditEntry>> AuditLogAsync(string resourceId, CancellationToken ct);
}

/// <summary>Raised by a store when the resource changed between read and write.</summary>
public sealed class XdmConcurrentUpdateException : Exception
{
    public XdmConcurrentUpdateException()
    {
    }

    public XdmConcurrentUpdateException(string message)
        : base(message)
    {
    }

    public XdmConcurrentUpdateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
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
