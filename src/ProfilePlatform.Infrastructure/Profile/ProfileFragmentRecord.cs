using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>A row of <c>profile_fragments</c>: the fragment of one (dataset, primary identity)
/// (<see cref="Domain.Profile.ProfileFragment"/>).</summary>
internal sealed class ProfileFragmentRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string DatasetId { get; set; } = "";

    /// <summary>The primary identity's XID: the lookup key.</summary>
    public string PrimaryXid { get; set; } = "";

    public string PrimaryNamespace { get; set; } = "";

    public string PrimaryValue { get; set; } = "";

    /// <summary>Every identity the fragment's records carried, as JSON <c>[{"ns":..,"id":..}]</c>, primary first.</summary>
    public string Identities { get; set; } = "[]";

    /// <summary>The merged record data, JSON text exactly as the domain wrote it (field order kept).</summary>
    public string Record { get; set; } = "{}";

    public string BatchId { get; set; } = "";

    public DateTimeOffset IngestedAt { get; set; }

    /// <summary>The record's <c>extSourceSystemAudit.lastUpdatedDate</c>, for inspection (the domain reads it from
    /// <see cref="Record"/>).</summary>
    public DateTimeOffset? LastUpdated { get; set; }
}
