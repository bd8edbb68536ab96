using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Profile.SystemJobs;

/// <summary>A Profile system job as stored (<c>profile_system_jobs</c>): the request, its status, and the claim columns
/// the background worker uses (lease owner and expiry, attempts).</summary>
internal sealed class ProfileSystemJobRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string Id { get; set; } = "";

    /// <summary><c>TRUNCATE_DATASET</c> or <c>DELETE_EE_BATCH</c>.</summary>
    public string JobType { get; set; } = "";

    public string DatasetId { get; set; } = "";

    public string? BatchId { get; set; }

    /// <summary><c>NEW</c>, <c>PROCESSING</c>, <c>SUCCESS</c>, <c>ERROR</c>.</summary>
    public string Status { get; set; } = "NEW";

    public long? RecordsProcessed { get; set; }

    public string? Message { get; set; }

    public long Created { get; set; }

    public long Updated { get; set; }

    public long? Started { get; set; }

    /// <summary>The worker holding a <c>PROCESSING</c> job; null while it waits for a (re)try.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When (epoch ms) a <c>PROCESSING</c> job may be claimed again: the lease of a worker that stopped answering,
    /// or the retry time after a failed attempt.</summary>
    public long LeaseExpires { get; set; }

    /// <summary>Claims so far; a claim past the limit ends the job in <c>ERROR</c>.</summary>
    public int Attempts { get; set; }
}
