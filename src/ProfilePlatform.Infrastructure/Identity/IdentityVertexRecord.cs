using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>A row of <c>identity_vertices</c>: one identity of one graph (<see cref="Domain.Identity.Graph.IdentityVertex"/>).</summary>
internal sealed class IdentityVertexRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    /// <summary>The identity's XID, its key within the tenant.</summary>
    public string Xid { get; set; } = "";

    /// <summary>The namespace code as the extractor stored it (the catalogue's spelling).</summary>
    public string Namespace { get; set; } = "";

    public string Value { get; set; } = "";

    public string IdType { get; set; } = "";

    public string GraphId { get; set; } = "";

    public DateTimeOffset LastUpdated { get; set; }

    /// <summary>When the identity joined <see cref="GraphId"/>: its newest cluster history entry, kept on the node instead
    /// of an <c>identity_cluster_history</c> row (one row fewer per new identity); the row is written when the identity
    /// leaves the graph or is deleted. Null for nodes written before this column existed (their row is stored).</summary>
    public DateTimeOffset? GraphJoinedAt { get; set; }
}
