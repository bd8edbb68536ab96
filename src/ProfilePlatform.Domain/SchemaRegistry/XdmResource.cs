using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>A tenant resource of the Schema Registry (class, field group, data type or schema) as stored: the
/// document exactly as the registry returns it in the raw form, plus the columns it is found and listed by.</summary>
public sealed class XdmResource : ITenantOwned
{
    private XdmResource()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>The <c>$id</c>.</summary>
    public string Id { get; private set; } = "";

    public string AltId { get; private set; } = "";

    public XdmResourceType Type { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The <c>version</c>, <c>"1.0"</c> on creation.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The JSON document (raw form, registry metadata included).</summary>
    public string Document { get; private set; } = "";

    public DateTimeOffset CreatedDate { get; private set; }

    public DateTimeOffset LastModifiedDate { get; private set; }

    /// <summary>A new revision of the resource (PUT or PATCH): the stored document is replaced whole.</summary>
    public void Revise(string title, string version, string document, DateTimeOffset now)
    {
        Title = title;
        Version = version;
        Document = document;
        LastModifiedDate = now;
    }

    public static XdmResource Create(TenantKey tenant, string id, XdmResourceType type, string title, string version, string document, DateTimeOffset now) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Id = id,
        AltId = XdmId.AltIdOf(id),
        Type = type,
        Title = title,
        Version = version,
        Document = document,
        CreatedDate = now,
        LastModifiedDate = now,
    };
}
