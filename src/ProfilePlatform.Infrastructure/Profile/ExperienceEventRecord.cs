using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>A row of <c>profile_experience_events</c>: one event (<see cref="Domain.Profile.ExperienceEvent"/>).</summary>
internal sealed class ExperienceEventRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string DatasetId { get; set; } = "";

    /// <summary>A fixed-length hash of <see cref="EventId"/>: the dedupe key's column, since an <c>_id</c> may be longer
    /// than an index entry allows.</summary>
    public string EventKey { get; set; } = "";

    /// <summary>The event's <c>_id</c>.</summary>
    public string EventId { get; set; } = "";

    public string PrimaryXid { get; set; } = "";

    public string PrimaryNamespace { get; set; } = "";

    public string PrimaryValue { get; set; } = "";

    /// <summary>Every identity of the event, as JSON <c>[{"ns":..,"id":..}]</c>, primary first.</summary>
    public string Identities { get; set; } = "[]";

    /// <summary>The event's <c>timestamp</c>, UTC to the millisecond.</summary>
    public DateTimeOffset Timestamp { get; set; }

    public string Record { get; set; } = "{}";

    public string BatchId { get; set; } = "";

    public DateTimeOffset IngestedAt { get; set; }
}
