using System.Globalization;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The batch tags that carry a batch's ingestion options, as AEP shows them on the Catalog batch
/// (help/ingestion/batch-ingestion/partial.md, help/ingestion/quality/error-diagnostics.md): <c>acp_enableErrorDiagnostics</c>
/// and <c>acp_partialIngestionPercent</c>, plus the producer of the batch-ingestion.yaml example.</summary>
/// <remarks>AEP's doc examples write the two options as a boolean and a number; catalog.yaml types every tag as an
/// array of strings, so they are kept as <c>["true"]</c> and <c>["5"]</c> [unverified: the live values' JSON type].</remarks>
public static class IngestionTags
{
    public const string ErrorDiagnostics = "acp_enableErrorDiagnostics";
    public const string PartialIngestionPercent = "acp_partialIngestionPercent";
    public const string Producer = "acp_producer";

    /// <summary>Whether the producer asked for error diagnostics (per-code record counts, row error files).</summary>
    public static bool DiagnosticsEnabled(CatalogTags tags) =>
        tags[ErrorDiagnostics] is [var value, ..] && bool.TryParse(value, out var on) && on;

    /// <summary>The partial ingestion threshold in percent, or null when the batch is all-or-nothing.</summary>
    public static decimal? PartialPercent(CatalogTags tags) =>
        tags[PartialIngestionPercent] is [var value, ..]
        && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            ? percent
            : null;
}
