namespace ProfilePlatform.Infrastructure.Ims;

/// <summary>IMS emulation settings (configuration section <c>Ims</c>).</summary>
public sealed class ImsOptions
{
    public const string Section = "Ims";

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) that signs access tokens. When empty, a key is
    /// generated on first start and kept in the store, so every node and restart shares it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Access token lifetime; AEP's tokens live 24 hours.</summary>
    public int TokenLifetimeSeconds { get; set; } = 86400;

    /// <summary>The API clients allowed to get tokens.</summary>
    public List<ImsClientOptions> Clients { get; set; } = [];
}

/// <summary>One configured API client: <c>Ims:Clients:N:*</c> or <c>Ims__Clients__N__*</c> in the environment.</summary>
public sealed class ImsClientOptions
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string ImsOrg { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string TechnicalAccountId { get; set; } = "";
}
