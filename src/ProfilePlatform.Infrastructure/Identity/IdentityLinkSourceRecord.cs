using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>A row of <c>identity_link_sources</c>: one (dataset, batch) that established a link, and when it last did
/// (<see cref="Domain.Identity.Graph.LinkSource"/>); what dataset deletion searches.</summary>
internal sealed class IdentityLinkSourceRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string FirstXid { get; set; } = "";

    public string SecondXid { get; set; } = "";

    public string DatasetId { get; set; } = "";

    public string BatchId { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
