namespace ProfilePlatform.Domain.Identity;

/// <summary>Custom namespaces of the current organization and sandbox (the store scopes every call to the tenancy).</summary>
public interface IIdentityNamespaceStore
{
    Task<IReadOnlyList<CustomIdentityNamespace>> ListAsync(CancellationToken ct);

    Task<CustomIdentityNamespace?> FindAsync(int id, CancellationToken ct);

    /// <summary>The namespace whose code equals <paramref name="code"/> ignoring case.</summary>
    Task<CustomIdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The namespace whose display name equals <paramref name="name"/> ignoring case.</summary>
    Task<CustomIdentityNamespace?> FindByNameAsync(string name, CancellationToken ct);

    /// <summary>Adds a namespace; throws <see cref="IdentityNamespaceTakenException"/> when a unique index refuses it
    /// (its code, its name, or its id, which is unique across all tenants).</summary>
    Task AddAsync(CustomIdentityNamespace ns, CancellationToken ct);

    /// <summary>Saves changes to a namespace read from this store; throws <see cref="IdentityNamespaceTakenException"/>
    /// when its new name is taken.</summary>
    Task SaveAsync(CustomIdentityNamespace ns, CancellationToken ct);
}

/// <summary>A unique index refused a namespace: another writer took its code, name or id first.</summary>
public sealed class IdentityNamespaceTakenException : Exception
{
    public IdentityNamespaceTakenException()
    {
    }

    public IdentityNamespaceTakenException(string message)
        : base(message)
    {
    }

    public IdentityNamespaceTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
