using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>A row of <c>identity_cluster_history</c>: an identity joined a cluster (<see cref="Domain.Identity.Graph.ClusterHistoryEntry"/>).
/// Kept when the identity later leaves the graph, so the cluster history API can still show where it was.</summary>
internal sealed class IdentityClusterHistoryRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string Xid { get; set; } = "";

    public string GraphId { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
