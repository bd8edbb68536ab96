using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>The standard namespaces plus the custom ones tests need: a CRMID (cross-device, as AEP's docs create
/// it), a non-people product namespace and a partner namespace.</summary>
public sealed class FakeIdentityNamespaces : IIdentityNamespaceCatalog
{
    public static readonly IdentityNamespace Crmid = new(10093197, "CRMID", "CRM ID", "CROSS_DEVICE", "CRM id");
    public static readonly IdentityNamespace Sku = new(10093198, "SKU", "Product SKU", "NON_PEOPLE", "Product");
    public static readonly IdentityNamespace PartnerId = new(10093199, "PartnerX", "Partner X", "PARTNER", "Partner");

    private readonly List<IdentityNamespace> _all = [.. StandardIdentityNamespaces.All, Crmid, Sku, PartnerId];

    public int Lookups { get; private set; }

    public Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct)
    {
        Lookups++;
        return Task.FromResult(_all.FirstOrDefault(n => string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase)));
    }

    public Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct)
    {
        Lookups++;
        return Task.FromResult(_all.FirstOrDefault(n => n.Id == id));
    }

    public Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<IdentityNamespace>>(_all);
}
