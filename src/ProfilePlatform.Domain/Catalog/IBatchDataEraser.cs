namespace ProfilePlatform.Domain.Catalog;

/// <summary>Something the platform keeps for a batch that must go when the batch is reverted (REVERT, or replaced by a
/// replay): its landed records and files, the identity links it established, and — registered by the Profile sink — the
/// profile fragments and events it wrote. Every registered eraser runs inside the revert's transaction, so a revert
/// removes all or nothing.</summary>
public interface IBatchDataEraser
{
    Task EraseAsync(Batch batch, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Reverting a batch removes its dataset file records: the files it landed are gone from Catalog and Data Access.</summary>
public sealed class BatchFileEraser(IDataSetFileStore files) : IBatchDataEraser
{
    public async Task EraseAsync(Batch batch, DateTimeOffset now, CancellationToken ct) =>
        await files.DeleteForBatchAsync(batch.Id, ct);
}
