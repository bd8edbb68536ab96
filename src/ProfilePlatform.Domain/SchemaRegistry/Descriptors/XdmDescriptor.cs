using System.Security.Cryptography;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>A Schema Registry descriptor as stored: the client's document (with schema references made canonical)
/// plus the columns it is found, filtered and kept consistent by. The registry's own fields (<c>@id</c>,
/// <c>imsOrg</c>, <c>created</c>...) are columns, added when the descriptor is rendered.</summary>
public sealed class XdmDescriptor : ITenantOwned
{
    private XdmDescriptor()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>The <c>@id</c>: 40 lower-case hex digits, like AEP's.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The <c>@type</c>, e.g. <c>xdm:descriptorIdentity</c>.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The <c>$id</c> of the schema the descriptor applies to (<c>xdm:sourceSchema</c>).</summary>
    public string SourceSchema { get; private set; } = "";

    /// <summary>The <c>$id</c> of the schema a relationship points to (<c>xdm:destinationSchema</c>), if any.</summary>
    public string? DestinationSchema { get; private set; }

    /// <summary>The source schema when this is its primary identity descriptor, else null: a unique index on it
    /// keeps one primary identity per schema even under concurrent writers.</summary>
    public string? PrimaryIdentityOf { get; private set; }

    /// <summary>The descriptor's JSON document as the client defined it.</summary>
    public string Document { get; private set; } = "";

    /// <summary>Creation time, epoch milliseconds (<c>created</c>).</summary>
    public long Created { get; private set; }

    /// <summary>Last write, epoch milliseconds (<c>updated</c>).</summary>
    public long Updated { get; private set; }

    public string CreatedUser { get; private set; } = "";

    public string CreatedClient { get; private set; } = "";

    public string UpdatedUser { get; private set; } = "";

    public static XdmDescriptor Create(TenantKey tenant, XdmDescriptorBody body, XdmAuthor author, long nowMs) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
        Type = body.Type,
        SourceSchema = body.SourceSchema,
        DestinationSchema = body.DestinationSchema,
        PrimaryIdentityOf = body.IsPrimaryIdentity ? body.SourceSchema : null,
        Document = body.Document,
        Created = nowMs,
        Updated = nowMs,
        CreatedUser = author.UserId,
        CreatedClient = author.ClientId,
        UpdatedUser = author.UserId,
    };

    /// <summary>A PUT: the whole definition is rewritten; creation facts stay.</summary>
    public void Replace(XdmDescriptorBody body, XdmAuthor author, long nowMs)
    {
        Type = body.Type;
        SourceSchema = body.SourceSchema;
        DestinationSchema = body.DestinationSchema;
        PrimaryIdentityOf = body.IsPrimaryIdentity ? body.SourceSchema : null;
        Document = body.Document;
        Updated = nowMs;
        UpdatedUser = author.UserId;
    }
}
