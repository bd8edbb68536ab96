namespace ProfilePlatform.Domain.Identity;

/// <summary>The namespaces of the request's tenant: the standard ones, then the custom ones of its store. Scoped, so
/// a Schema Registry descriptor on a custom namespace is accepted as soon as the namespace exists.</summary>
public sealed class TenantIdentityNamespaces(IIdentityNamespaceStore store) : IIdentityNamespaceCatalog
{
    public async Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct) =>
        StandardIdentityNamespaces.ByCode(code) ?? (await store.FindByCodeAsync(code, ct))?.ToNamespace();

    public async Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct) =>
        StandardIdentityNamespaces.All.FirstOrDefault(n => n.Id == id) ?? (await store.FindAsync(id, ct))?.ToNamespace();

    public async Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct) =>
        [.. StandardIdentityNamespaces.All.OrderBy(n => n.Id), .. (await store.ListAsync(ct)).OrderBy(n => n.Id).Select(n => n.ToNamespace())];
}
