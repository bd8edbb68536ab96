namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The records batches landed in datasets and the rows they refused, in the current organization and sandbox: what
/// the Data Access API reads back.</summary>
public interface IDatasetRecordStore
{
    /// <summary>The records of one dataset file (<c>{batchId}-{n}</c>), in row order, each as the JSON text stored.</summary>
    IAsyncEnumerable<string> ReadFileAsync(string batchId, int fileIndex, CancellationToken ct);

    /// <summary>The first <paramref name="limit"/> records of a dataset, oldest batch first.</summary>
    Task<IReadOnlyList<string>> PreviewAsync(string dataSetId, int limit, CancellationToken ct);

    /// <summary>The refused rows a batch kept, in order.</summary>
    Task<IReadOnlyList<StoredRowError>> RowErrorsAsync(string batchId, CancellationToken ct);

    /// <summary>Deletes a dataset's records, and the uploaded files and row errors of its batches.</summary>
    Task DeleteForDataSetAsync(string dataSetId, CancellationToken ct);

    /// <summary>Deletes the records one batch landed, its uploaded files and its row errors.</summary>
    Task DeleteForBatchAsync(string batchId, CancellationToken ct);
}

/// <summary>Reverting a batch deletes the records it landed, its uploaded files and row errors.</summary>
public sealed class BatchRecordEraser(IDatasetRecordStore records) : Catalog.IBatchDataEraser
{
    public Task EraseAsync(Catalog.Batch batch, DateTimeOffset now, CancellationToken ct) => records.DeleteForBatchAsync(batch.Id, ct);
}

/// <summary>A refused row as kept: its file and row, the code of its first problem, every problem as a JSON array of
/// <c>{code, keyword, path, message}</c>, and the row's text.</summary>
public sealed record StoredRowError(string FileName, long Row, string Code, string ProblemsJson, string Raw);

/// <summary>Deleting a dataset deletes the records its batches landed, their uploaded files and row errors.</summary>
public sealed class DatasetRecordEraser(IDatasetRecordStore records) : Catalog.IDatasetDataEraser
{
    public Task EraseAsync(Catalog.Dataset dataset, DateTimeOffset now, CancellationToken ct) => records.DeleteForDataSetAsync(dataset.Id, ct);
}
