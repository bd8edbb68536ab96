namespace ProfilePlatform.Domain.Catalog;

/// <summary>The statuses a batch moves through here; the wire names are catalog.yaml's <c>batchStatus</c> values.</summary>
/// <remarks>loading (accepting files) → staged (COMPLETE received) → processing → success | failed;
/// aborted (ABORT before the end); inactive (REVERT of a finished batch); deleted (its dataset was deleted, or a
/// reverted batch was collected). See help/ingestion/batch-ingestion/api-overview.md.</remarks>
public enum BatchStatus
{
    Loading,
    Staged,
    Processing,
    Success,
    Failed,
    Aborted,
    Inactive,
    Deleted,
}

/// <summary>Wire names of <see cref="BatchStatus"/>.</summary>
public static class BatchStatuses
{
    public static string ToWire(this BatchStatus status) => status switch
    {
        BatchStatus.Loading => "loading",
        BatchStatus.Staged => "staged",
        BatchStatus.Processing => "processing",
        BatchStatus.Success => "success",
        BatchStatus.Failed => "failed",
        BatchStatus.Aborted => "aborted",
        BatchStatus.Inactive => "inactive",
        BatchStatus.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a wire name names, or null for a name that is none of these.</summary>
    public static BatchStatus? FromWire(string? wire) =>
        Enum.GetValues<BatchStatus>().Select(s => (BatchStatus?)s).FirstOrDefault(s => s!.Value.ToWire() == wire);

    /// <summary>Whether the batch will not change status again except by REVERT or deletion.</summary>
    public static bool IsTerminal(this BatchStatus status) =>
        status is BatchStatus.Success or BatchStatus.Failed or BatchStatus.Aborted or BatchStatus.Inactive or BatchStatus.Deleted;
}
