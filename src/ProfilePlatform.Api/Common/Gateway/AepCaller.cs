namespace ProfilePlatform.Api.Common.Gateway;

/// <summary>Who is calling: set once per request by the gateway from the validated token.</summary>
public sealed class AepCaller
{
    public string ClientId { get; private set; } = "";

    public string ImsOrg { get; private set; } = "";

    /// <summary>The technical account the token was issued to; recorded as <c>createdBy</c>/<c>modifiedBy</c>.</summary>
    public string UserId { get; private set; } = "";

    /// <summary>The organization's XDM tenant id.</summary>
    public string TenantId { get; private set; } = "";

    public bool IsAuthenticated => ClientId.Length > 0;

    /// <summary>The caller as the Schema Registry records it.</summary>
    public Domain.SchemaRegistry.XdmAuthor AsAuthor() => new(ImsOrg, TenantId, ClientId, UserId);

    public void Set(string clientId, string imsOrg, string userId, string tenantId)
    {
        ClientId = clientId;
        ImsOrg = imsOrg;
        UserId = userId;
        TenantId = tenantId;
    }
}
