using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Reverting a batch (REVERT, or a replay replacing it) removes the experience events it appended to Profile,
/// in the revert's transaction. Record fragments stay: a record batch updates fragments field by field over earlier
/// batches, so its part cannot be taken out — AEP says the same of record batches ("they overwrite previous records and
/// therefore cannot be undone", profile-system-jobs) and has the corrected data re-ingested instead.</summary>
public sealed class ProfileBatchEraser(IExperienceEventStore events) : IBatchDataEraser
{
    public async Task EraseAsync(Batch batch, DateTimeOffset now, CancellationToken ct) =>
        await events.DeleteBatchAsync(batch.DataSetId, batch.Id, ct);
}
