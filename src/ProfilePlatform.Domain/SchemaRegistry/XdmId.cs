using System.Security.Cryptography;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Identifiers of tenant resources: <c>https://ns.adobe.com/{tenantId}/{type}/{hex}</c> and the
/// alt id <c>_{tenantId}.{type}.{hex}</c> (help/xdm/api/getting-started.md §resource-identification).</summary>
public static class XdmId
{
    public const string Namespace = "https://ns.adobe.com/";

    /// <summary>A new <c>$id</c> for a tenant resource; the 48 hex digits follow the longer form AEP's examples show.</summary>
    public static string NewTenantId(string tenantId, XdmResourceType type) =>
        $"{Namespace}{tenantId}/{type.ResourceType()}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";

    /// <summary>The alt id of any <c>$id</c> under ns.adobe.com: <c>https://ns.adobe.com/xdm/context/profile</c> → <c>_xdm.context.profile</c>.</summary>
    public static string AltIdOf(string id) =>
        id.StartsWith(Namespace, StringComparison.Ordinal) ? "_" + id[Namespace.Length..].Replace('/', '.') : id;
}
