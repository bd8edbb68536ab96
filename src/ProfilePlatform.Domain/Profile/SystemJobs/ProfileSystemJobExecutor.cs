using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Profile.SystemJobs;

/// <summary>Does what a Profile system job asks, in the caller's transaction: for a dataset, removes the identity links only
/// it supported (graphs split or vanish), its fragments and its events — what deleting the dataset through Catalog also
/// does (<see cref="ProfileDatasetEraser"/>); for an ExperienceEvent batch, the events it ingested.</summary>
/// <remarks>A batch's identity links stay [unverified]: AEP documents batch deletion for event data in Profile only, and a
/// link a batch established is also what later batches may rely on.</remarks>
public sealed class ProfileSystemJobExecutor(IdentityGraphService graph, IProfileFragmentStore fragments, IExperienceEventStore events)
{
    /// <returns>Fragments and events deleted (<c>recordsProcessed</c>).</returns>
    public async Task<long> RunAsync(ProfileSystemJob job, CancellationToken ct)
    {
        if (job.Type == ProfileSystemJobType.DeleteEeBatch)
        {
            return await events.DeleteBatchAsync(job.DatasetId, job.BatchId!, ct);
        }

        await graph.RemoveDatasetAsync(job.DatasetId, ct);
        var fragmentCount = await fragments.DeleteDatasetAsync(job.DatasetId, ct);
        var eventCount = await events.DeleteDatasetAsync(job.DatasetId, ct);
        return fragmentCount + eventCount;
    }
}
