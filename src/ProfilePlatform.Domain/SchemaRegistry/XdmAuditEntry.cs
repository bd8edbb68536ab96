using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>One change to a tenant resource as <c>GET /rpc/auditlog/{id}</c> lists it: who changed it, when, and the
/// trail of JSON Pointer changes (help/xdm/api/audit-log.md).</summary>
public sealed class XdmAuditEntry : ITenantOwned
{
    private XdmAuditEntry()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>A time-ordered id (UUID v7) so entries list newest first by id alone.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The <c>$id</c> of the changed resource.</summary>
    public string ResourceId { get; private set; } = "";

    /// <summary>The JSON array of trail items (<c>id</c>, <c>xdmType</c>, <c>action</c>, <c>path</c>, <c>value</c>).</summary>
    public string Trails { get; private set; } = "";

    public string UpdatedUser { get; private set; } = "";

    public string ClientId { get; private set; } = "";

    /// <summary>Epoch milliseconds.</summary>
    public long Updated { get; private set; }

    public static XdmAuditEntry Create(TenantKey tenant, string resourceId, string trails, XdmAuthor author, DateTimeOffset now) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Id = Guid.CreateVersion7(now).ToString("N"),
        ResourceId = resourceId,
        Trails = trails,
        UpdatedUser = author.UserId,
        ClientId = author.ClientId,
        Updated = now.ToUnixTimeMilliseconds(),
    };
}
