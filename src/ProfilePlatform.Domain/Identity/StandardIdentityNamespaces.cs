namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity namespaces AEP provides to every organization, with their real ids and codes.</summary>
/// <remarks>Sources: help/privacy-service/api/appendix.md (ids 0, 4, 6, 7, 8, 9, 411, 20914, 20915),
/// help/identity-service/api/list-namespaces.md (CORE, ECID, AdCloud objects verbatim), help/profile/api/preview-sample-status.md
/// (AAID 10), help/identity-service/features/namespaces.md (display names). [unverified]: the ids of Email_LC_SHA256,
/// Phone_SHA256, Phone_E.164 and Phone_SHA256_E.164 (no AEP source gives them; clients look these up by code) and
/// TNTID's identity type, and the create/update times of namespaces other than CORE, ECID and AdCloud. There is no
/// standard CRMID: it is a custom namespace.</remarks>
public sealed class StandardIdentityNamespaces : IIdentityNamespaceCatalog
{
    public static IReadOnlyList<IdentityNamespace> All { get; } =
    [
        new(0, "CORE", "CORE", "COOKIE", "CORE Namespace", CreateTime: 1441122419000, UpdateTime: 1441122419000),
        new(4, "ECID", "ECID", "COOKIE", "ECID Namespace", CreateTime: 1495153678000, UpdateTime: 1495153678000),
        new(6, "Email", "Email", "EMAIL", "Email Namespace"),
        new(7, "Phone", "Phone", "PHONE", "Phone Namespace"),
        new(8, "WAID", "Windows AID", "DEVICE", "Windows Advertising ID"),
        new(9, "TNTID", "TNTID", "COOKIE", "Adobe Target ID"),
        new(10, "AAID", "Adobe Analytics (Legacy ID)", "COOKIE", "Adobe Analytics legacy ID"),
        new(11, "Email_LC_SHA256", "Emails (SHA256, lowercased)", "EMAIL", "Email addresses lowercased, then hashed with SHA256"),
        new(12, "Phone_SHA256", "Phone (SHA256)", "PHONE", "Phone numbers hashed with SHA256"),
        new(13, "Phone_E.164", "Phone (E.164)", "PHONE", "Raw phone numbers in E.164 format"),
        new(14, "Phone_SHA256_E.164", "Phone (SHA256_E.164)", "PHONE", "Phone numbers in E.164 format hashed with SHA256"),
        new(411, "AdCloud", "AdCloud", "COOKIE", "Adobe AdCloud - ID Syncing Partner", CreateTime: 1522783145000, UpdateTime: 1522783145000),
        new(20914, "GAID", "Google Ad ID (GAID)", "DEVICE", "Google Advertising ID"),
        new(20915, "IDFA", "Apple IDFA (ID for Advertisers)", "DEVICE", "Apple ID for Advertisers"),
    ];

    public Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct) => Task.FromResult(ByCode(code));

    public Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct) =>
        Task.FromResult(All.FirstOrDefault(n => n.Id == id));

    public Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct) => Task.FromResult(All);

    /// <summary>The standard namespace with this code, ignoring case.</summary>
    public static IdentityNamespace? ByCode(string code) =>
        All.FirstOrDefault(n => string.Equals(n.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The standard namespace with this display name, ignoring case.</summary>
    public static IdentityNamespace? ByName(string name) =>
        All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));
}
