namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity namespaces the current organization and sandbox may use: the standard ones
/// (<see cref="StandardIdentityNamespaces"/>) and, through <see cref="TenantIdentityNamespaces"/>, the custom ones
/// Identity Service's store keeps for the tenant.</summary>
public interface IIdentityNamespaceCatalog
{
    /// <summary>The namespace with this identity symbol; codes are matched case-insensitively, as Identity Service does.</summary>
    Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The namespace with this numeric id.</summary>
    Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct);

    /// <summary>Every namespace: the standard ones by id, then the custom ones by id.</summary>
    Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct);
}
