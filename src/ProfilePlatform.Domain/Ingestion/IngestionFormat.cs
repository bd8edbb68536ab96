namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The file formats batch ingestion reads (batch-ingestion.yaml <c>IngestBatch.inputFormat.format</c>: JSON,
/// Parquet, CSV; help/ingestion/batch-ingestion/api-overview.md).</summary>
public enum IngestionFormat
{
    /// <summary>One JSON object per line, or with <c>isMultiLineJson</c> a JSON array or documents spanning lines.</summary>
    Json,

    /// <summary>Delimited text with a header row naming the fields (flat schemas: help/ingestion/batch-ingestion/troubleshooting.md).</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}

/// <summary>Wire names of <see cref="IngestionFormat"/>: lower case as Catalog stores them; the spec's <c>JSON</c>,
/// <c>Parquet</c>, <c>CSV</c> spellings are read too.</summary>
public static class IngestionFormats
{
    public static string ToWire(this IngestionFormat format) => format switch
    {
        IngestionFormat.Json => "json",
        IngestionFormat.Csv => "csv",
        _ => "parquet",
    };

    /// <summary>The format a wire name names (any case), or null.</summary>
    public static IngestionFormat? FromWire(string? wire) => wire?.ToLowerInvariant() switch
    {
        "json" => IngestionFormat.Json,
        "csv" => IngestionFormat.Csv,
        "parquet" => IngestionFormat.Parquet,
        _ => null,
    };
}
