namespace ProfilePlatform.Domain.Ingestion;

/// <summary>How a batch treats bad records: all-or-nothing by default, or partial ingestion with an error threshold
/// (help/ingestion/batch-ingestion/partial.md: "the percentage of acceptable errors before the entire batch will fail"),
/// and whether error diagnostics (per-code record counts) are on.</summary>
/// <param name="Diagnostics">Whether the batch's errors carry a <c>recordCount</c> per error code
/// (help/ingestion/quality/error-diagnostics.md: "only generated if errorDiagnostics is enabled").</param>
/// <param name="PartialPercent">The threshold in percent (0 to 100), or null for all-or-nothing.</param>
public sealed record IngestionPolicy(bool Diagnostics, decimal? PartialPercent)
{
    public static IngestionPolicy Of(Catalog.Batch batch) =>
        new(IngestionTags.DiagnosticsEnabled(batch.Tags), IngestionTags.PartialPercent(batch.Tags));

    /// <summary>Whether <paramref name="failed"/> bad records out of <paramref name="total"/> still let the batch succeed:
    /// none without partial ingestion; with it, at most the threshold's share (failed × 100 ≤ percent × total, exact in decimals).</summary>
    public bool Tolerates(long failed, long total) =>
        failed == 0 || (PartialPercent is { } percent && total > 0 && failed * 100m <= percent * total);

    /// <summary>Whether the batch can no longer succeed whatever the rest of its records hold: only without partial
    /// ingestion can one bad record decide it, since a threshold depends on the final total.</summary>
    public bool CannotSucceed(long failed) => failed > 0 && (PartialPercent is null || PartialPercent == 0);
}
