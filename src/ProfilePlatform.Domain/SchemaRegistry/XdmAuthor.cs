namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Who writes to the registry: recorded in <c>meta:registryMetadata</c>; the tenant id fixes the namespace
/// (<c>_{TenantId}</c>) custom fields must live under.</summary>
public sealed record XdmAuthor(string ImsOrg, string TenantId, string ClientId, string UserId);
