namespace ProfilePlatform.Domain.Catalog;

/// <summary>Deleting a dataset removes its file records: the data is gone.</summary>
public sealed class DatasetFileEraser(IDataSetFileStore files) : IDatasetDataEraser
{
    public async Task EraseAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct) =>
        await files.DeleteForDataSetAsync(dataset.Id, ct);
}

/// <summary>Deleting a dataset leaves its batches listed, with status <c>deleted</c>: the batch history stays
/// readable while the data it loaded is gone.</summary>
public sealed class DatasetBatchEraser(IBatchStore batches) : IDatasetDataEraser
{
    public async Task EraseAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var batch in await batches.ListForDataSetAsync(dataset.Id, ct))
        {
            batch.MarkDeleted(now);
        }

        await batches.SaveAsync(ct);
    }
}
