namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Experience events of the current organization and sandbox: an append-only time series keyed by
/// <see cref="ExperienceEvent.DedupeKey"/>, found by the primary identity's XID and time.</summary>
public interface IExperienceEventStore
{
    /// <summary>Stores the events; one whose (dataset, <c>_id</c>) is already stored replaces it (the latest ingested
    /// copy wins, also within <paramref name="events"/>, where the later one in the list wins).</summary>
    /// <returns>How many distinct events were written.</returns>
    Task<int> AppendAsync(IReadOnlyList<ExperienceEvent> events, CancellationToken ct);

    /// <summary>The events of <see cref="ExperienceEventQuery.PrimaryXids"/> in the query's time range, in
    /// <see cref="ExperienceEventQuery.Descending"/> order of (timestamp, <c>_id</c>, dataset), at most
    /// <see cref="ExperienceEventQuery.Limit"/>, after <see cref="ExperienceEventQuery.After"/> when given.</summary>
    Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct);

    /// <summary>Deletes every event stored against one of <paramref name="primaryXids"/> (the entities API's DELETE).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct);

    /// <summary>Deletes the dataset's events (dataset deletion).</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct);

    /// <summary>Deletes the events of one batch of a dataset (the Profile system job <c>DELETE_EE_BATCH</c>): the events
    /// whose stored copy that batch ingested.</summary>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteBatchAsync(string datasetId, string batchId, CancellationToken ct);
}
