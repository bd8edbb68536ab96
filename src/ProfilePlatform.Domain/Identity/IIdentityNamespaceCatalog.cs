namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity namespaces the current organization may use: the standard ones for now
/// (<see cref="StandardIdentityNamespaces"/>); Identity Service's store, with the organization's custom namespaces,
/// replaces it when that service exists.</summary>
/// <remarks>Asynchronous because custom namespaces will live in the store.</remarks>
public interface IIdentityNamespaceCatalog
{
    /// <summary>The namespace with this identity symbol; codes are matched case-insensitively, as Identity Service does.</summary>
    Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The namespace with this numeric id.</summary>
    Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct);
}
