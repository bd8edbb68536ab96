using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>A batch's files (batch-ingestion.yaml <c>/batches/{batchId}/datasets/{datasetId}/files/{filePath}</c>): PUT of a
/// whole file, the large-file sequence (INITIALIZE, PATCH parts with <c>Content-Range</c>, COMPLETE), and HEAD.</summary>
/// <remarks>
/// <para>Bodies stream into the store chunk by chunk (<see cref="IBatchFileStore.WriteAsync"/>), never whole in memory. A PUT
/// writes a fresh content and swaps it in only after the file passed <see cref="IngestionFileInspector"/>: a refused or
/// interrupted upload leaves nothing behind and keeps the previous version of the file.</para>
/// <para>Files are accepted only while the batch is <c>loading</c>, only under the dataset the batch loads, and only under
/// a plain relative path (<see cref="BatchFilePath"/>).</para>
/// </remarks>
public sealed class BatchFileService(
    BatchIngestionService batches,
    IDatasetStore datasets,
    IBatchFileStore files,
    IngestionSchemaSource schemas,
    IngestionLimits limits,
    TimeProvider clock)
{
    /// <summary>PUT: the whole file in the body.</summary>
    public async Task<BatchFile> UploadAsync(TenantKey tenant, string batchId, string dataSetId, string path, Stream body, CancellationToken ct)
    {
        var name = BatchFilePath.Validate(path);
        var batch = await LoadingBatchAsync(batchId, dataSetId, ct);
        var existing = await files.FindAsync(batch.Id, name, ct);
        var all = existing is null ? await CheckRoomAsync(batch, ct) : [];
        var contentId = NewContentId();
        long size;
        try
        {
            size = await files.WriteAsync(contentId, batch.Id, 0, body, limits.MaxPutBytes, ct);
            await InspectAsync(tenant, batch, name, contentId, size, ct);
        }
        catch
        {
            await files.DeleteContentAsync(contentId, CancellationToken.None);
            throw;
        }

        var now = clock.GetUtcNow();
        if (existing is null)
        {
            var file = BatchFile.Uploaded(tenant, batch.Id, batch.DataSetId, name, NextSequence(all), contentId, size, now);
            await files.AddAsync(file, ct);
            return file;
        }

        var previous = existing.Replace(contentId, size, now);
        await files.SaveAsync(ct);
        await files.DeleteContentAsync(previous, CancellationToken.None);
        return existing;
    }

    /// <summary>POST ?action=INITIALIZE: a large file that parts will be PATCHed into. Initializing a file again starts it over.</summary>
    public async Task<BatchFile> InitializeAsync(TenantKey tenant, string batchId, string dataSetId, string path, CancellationToken ct)
    {
        var name = BatchFilePath.Validate(path);
        var batch = await LoadingBatchAsync(batchId, dataSetId, ct);
        var existing = await files.FindAsync(batch.Id, name, ct);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            var file = BatchFile.Initialized(tenant, batch.Id, batch.DataSetId, name, NextSequence(await CheckRoomAsync(batch, ct)), NewContentId(), now);
            await files.AddAsync(file, ct);
            return file;
        }

        var previous = existing.Replace(NewContentId(), 0, now);
        existing.Reopen(now);
        await files.SaveAsync(ct);
        await files.DeleteContentAsync(previous, CancellationToken.None);
        return existing;
    }

    /// <summary>PATCH: one part of an initialized large file, at the bytes its <c>Content-Range</c> names. Sending a part again
    /// replaces it; overlaps and gaps between parts are found at COMPLETE, as AEP does.</summary>
    public async Task<BatchFile> UploadPartAsync(string batchId, string dataSetId, string path, string? contentRange, Stream body, CancellationToken ct)
    {
        var name = BatchFilePath.Validate(path);
        var batch = await LoadingBatchAsync(batchId, dataSetId, ct);
        var file = await OpenLargeFileAsync(batch, name, ct);
        var range = ContentRange.Parse(contentRange);
        if (range.Length > limits.MaxPartBytes)
        {
            throw new AepException(ErrorCatalog.Ingestion.TooLarge, $"The part covers {range.Length} bytes; a part may hold at most {limits.MaxPartBytes}: split it.");
        }

        await files.DeleteRangeAsync(file.ContentId, range.First, range.Last, ct);
        long written;
        try
        {
            written = await files.WriteAsync(file.ContentId, batch.Id, range.First, body, range.Length, ct);
        }
        catch (AepException ex) when (ex.Error == ErrorCatalog.Ingestion.TooLarge)
        {
            await files.DeleteRangeAsync(file.ContentId, range.First, range.Last, CancellationToken.None);
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The part holds more than the {range.Length} bytes its Content-Range ({range.First}-{range.Last}) announces: send exactly that range.");
        }
        catch
        {
            // An interrupted or unreadable body: nothing of the part stays.
            await files.DeleteRangeAsync(file.ContentId, range.First, range.Last, CancellationToken.None);
            throw;
        }

        if (written != range.Length)
        {
            await files.DeleteRangeAsync(file.ContentId, range.First, range.Last, CancellationToken.None);
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The part holds {written} bytes but its Content-Range ({range.First}-{range.Last}) announces {range.Length}: send exactly that range.");
        }

        var received = (await files.PiecesAsync(file.ContentId, ct)).Sum(p => p.Length);
        file.PartReceived(received, range.Total, clock.GetUtcNow());
        await files.SaveAsync(ct);
        return file;
    }

    /// <summary>POST ?action=COMPLETE: the parts must tile the file exactly; the file is then checked like a PUT. Repeating
    /// it on a completed file changes nothing.</summary>
    public async Task<BatchFile> CompleteLargeFileAsync(TenantKey tenant, string batchId, string dataSetId, string path, CancellationToken ct)
    {
        var name = BatchFilePath.Validate(path);
        var batch = await LoadingBatchAsync(batchId, dataSetId, ct);
        var file = await files.FindAsync(batch.Id, name, ct) ?? throw NotInitialized(batch, name);
        if (file.IsComplete)
        {
            return file;
        }

        var size = LargeFileAssembly.Check(name, await files.PiecesAsync(file.ContentId, ct), file.AnnouncedSize);
        await InspectAsync(tenant, batch, name, file.ContentId, size, ct);
        file.Complete(size, clock.GetUtcNow());
        await files.SaveAsync(ct);
        return file;
    }

    /// <summary>HEAD: the file and the bytes received so far.</summary>
    public async Task<BatchFile> StatusAsync(string batchId, string dataSetId, string path, CancellationToken ct)
    {
        var name = BatchFilePath.Validate(path);
        var batch = await batches.FindAsync(batchId, ct);
        EnsureDataset(batch, dataSetId);
        return await files.FindAsync(batch.Id, name, ct)
            ?? throw new AepException(ErrorCatalog.Ingestion.NotFound, $"Batch {batch.Id} has no file '{name}'.");
    }

    /// <summary>The batch, when it takes files for <paramref name="dataSetId"/>: 404 for an unknown batch, 400 for another
    /// dataset or a batch past <c>loading</c>.</summary>
    public async Task<Batch> LoadingBatchAsync(string batchId, string dataSetId, CancellationToken ct)
    {
        var batch = await batches.FindAsync(batchId, ct);
        EnsureDataset(batch, dataSetId);
        if (!batch.AcceptsFiles)
        {
            throw new AepException(ErrorCatalog.Ingestion.BatchNotLoading, $"Batch {batch.Id} is {batch.Status.ToWire()}: files are accepted only while it is loading, before COMPLETE. Create a new batch for more files.");
        }

        return batch;
    }

    private static void EnsureDataset(Batch batch, string dataSetId)
    {
        if (!string.Equals(batch.DataSetId, dataSetId, StringComparison.Ordinal))
        {
            throw new AepException(
                ErrorCatalog.Ingestion.InvalidRequest,
                $"Batch {batch.Id} loads dataset {batch.DataSetId}, not '{(dataSetId.Length <= 64 ? dataSetId : dataSetId[..64] + "...")}': upload its files under /batches/{batch.Id}/datasets/{batch.DataSetId}/files/{{FILE_NAME}}.");
        }
    }

    private async Task<IReadOnlyList<BatchFile>> CheckRoomAsync(Batch batch, CancellationToken ct)
    {
        var all = await files.ListAsync(batch.Id, ct);
        if (all.Count >= limits.MaxFilesPerBatch)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Batch {batch.Id} already has {all.Count} files, the most a batch may hold: complete it and put further files in a new batch.");
        }

        return all;
    }

    private async Task<BatchFile> OpenLargeFileAsync(Batch batch, string name, CancellationToken ct)
    {
        var file = await files.FindAsync(batch.Id, name, ct) ?? throw NotInitialized(batch, name);
        if (file.IsComplete)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"File '{name}' of batch {batch.Id} is complete: initialize it again (POST ...?action=INITIALIZE) to upload it anew.");
        }

        return file;
    }

    private async Task InspectAsync(TenantKey tenant, Batch batch, string name, string contentId, long size, CancellationToken ct)
    {
        await using var content = files.OpenRead(contentId, size);
        await IngestionFileInspector.InspectAsync(name, batch.InputFormat, content, () => SchemaAsync(tenant, batch, ct), ct);
    }

    private async Task<IngestionSchema> SchemaAsync(TenantKey tenant, Batch batch, CancellationToken ct)
    {
        var dataset = await datasets.FindAsync(batch.DataSetId, ct)
            ?? throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Dataset {batch.DataSetId} of batch {batch.Id} no longer exists.");
        try
        {
            return (await schemas.ForDatasetAsync(tenant, dataset, ct)).Schema;
        }
        catch (AepException ex) when (ex.Error.Status == 404)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The schema of dataset {dataset.Id} ({dataset.SchemaId}) cannot be found: {ex.Message}");
        }
    }

    private static AepException NotInitialized(Batch batch, string name) => new(
        ErrorCatalog.Ingestion.NotFound,
        $"Batch {batch.Id} has no large file '{name}': start one with POST /batches/{batch.Id}/datasets/{batch.DataSetId}/files/{name}?action=INITIALIZE.");

    private static int NextSequence(IReadOnlyList<BatchFile> all) => all.Count == 0 ? 1 : all.Max(f => f.Sequence) + 1;

    private static string NewContentId() => Guid.NewGuid().ToString("N");
}
