namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Batch ingestion's limits (help/ingestion/batch-ingestion/api-overview.md, "Ingestion constraints";
/// batch-ingestion.yaml): 1,500 files per batch, 256 MB per PUT ("there is currently a size threshold of 256MB. If the file is
/// larger than that, you must use the large file upload mechanism"), 512,000,000 bytes per large-file part.</summary>
public sealed record IngestionLimits(int MaxFilesPerBatch = 1500, long MaxPutBytes = 256L * 1024 * 1024, long MaxPartBytes = 512_000_000)
{
    public static IngestionLimits Default { get; } = new();
}
