namespace ProfilePlatform.Domain.Profile.SystemJobs;

/// <summary>The Profile system jobs of the current organization and sandbox. Claiming and finishing jobs in the background is
/// the store's worker's business (across tenants); this is what the API needs.</summary>
public interface IProfileSystemJobStore
{
    Task AddAsync(ProfileSystemJob job, CancellationToken ct);

    Task<ProfileSystemJob?> FindAsync(string id, CancellationToken ct);

    /// <summary>Every job of the sandbox, oldest first.</summary>
    Task<IReadOnlyList<ProfileSystemJob>> ListAsync(CancellationToken ct);

    /// <summary>Removes the request; false when there is none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct);
}

/// <summary>Tells this node's system job worker there is a new job, so it need not wait for its next poll.</summary>
public interface IProfileSystemJobWakeup
{
    void Raise();
}
