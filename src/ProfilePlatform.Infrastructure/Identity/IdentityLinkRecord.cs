using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>A row of <c>identity_links</c>: one edge, its two identities' XIDs in the key's canonical order
/// (<see cref="Domain.Identity.Graph.IdentityLinkKey"/>), when it was first and last established, and the (dataset,
/// batch) pairs that established it (<see cref="StoredLinkSources"/>): what dataset deletion searches.</summary>
internal sealed class IdentityLinkRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string FirstXid { get; set; } = "";

    public string SecondXid { get; set; } = "";

    public DateTimeOffset FirstEstablished { get; set; }

    public DateTimeOffset LastEstablished { get; set; }

    /// <summary>The link's sources as <see cref="StoredLinkSources"/> writes them.</summary>
    public string Sources { get; set; } = "[]";
}
