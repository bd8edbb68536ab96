using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Batches of the Batch Ingestion API (<c>/data/foundation/import/batches</c>): creation and the batch actions.
/// Files are <see cref="BatchFileService"/>'s; processing after COMPLETE is the ingestion worker's.</summary>
/// <remarks>
/// <para>COMPLETE moves the batch to <c>staged</c> and queues its job in the same save, so a staged batch always has a job and
/// a job always has a staged batch. Repeating COMPLETE once the batch is past <c>loading</c> changes nothing and answers
/// the batch again: AEP documents it as safe to retry ("If the operation actually succeeded, the API will return success,
/// even after retrying", help/ingestion/batch-ingestion/troubleshooting.md).</para>
/// <para>ABORT is allowed until the batch is final (api-overview.md: "While the batch is processing, it can still be
/// cancelled"); a worker processing it then finds the batch changed under it and commits nothing. The aborted batch's
/// uploaded files are deleted.</para>
/// </remarks>
public sealed class BatchIngestionService(
    IBatchStore batches,
    IDatasetStore datasets,
    IBatchFileStore files,
    IIngestionJobQueue jobs,
    ISandboxStore sandboxes,
    TimeProvider clock)
{
    public async Task<Batch> CreateAsync(TenantKey tenant, CatalogAuthor author, JsonObject body, CancellationToken ct)
    {
        var request = IngestionBatchRequest.Parse(body);
        var dataset = await datasets.FindAsync(request.DataSetId, ct)
            ?? throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Field 'datasetId' names dataset '{request.DataSetId}', which does not exist in this sandbox: create it with POST /data/foundation/catalog/dataSets, or check the x-sandbox-name header.");
        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        await CheckPredecessorsAsync(request.Replay, dataset.Id, ct);
        var batch = Batch.Create(tenant, sandbox?.Id.ToString() ?? "", dataset.Id, request.InputFormat, request.BatchTags(author.ClientId), author, clock.GetUtcNow(), request.ExternalId, replay: request.Replay);
        await batches.AddAsync(batch, ct);
        await TrackAsync(dataset, batch, ct);
        return batch;
    }

    /// <summary>A replay's predecessors must be batches of this sandbox that loaded the same dataset (replacing another
    /// dataset's data is not what a replay means [unverified: AEP documents no check]).</summary>
    private async Task CheckPredecessorsAsync(BatchReplay? replay, string dataSetId, CancellationToken ct)
    {
        if (replay is null)
        {
            return;
        }

        var found = (await batches.FindManyAsync(replay.Predecessors, ct)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var id in replay.Predecessors)
        {
            if (!found.TryGetValue(id, out var predecessor))
            {
                throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Field 'replay.predecessors' names batch '{Short(id)}', which does not exist in this sandbox.");
            }

            if (!string.Equals(predecessor.DataSetId, dataSetId, StringComparison.Ordinal))
            {
                throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Field 'replay.predecessors' names batch {id}, which loaded dataset {predecessor.DataSetId}: a replay replaces batches of its own dataset ({dataSetId}).");
            }
        }
    }

    /// <summary>A batch of this sandbox, or a 404.</summary>
    public async Task<Batch> FindAsync(string batchId, CancellationToken ct) =>
        (CatalogIds.IsPlausible(batchId) ? await batches.FindAsync(batchId, ct) : null)
        ?? throw new AepException(ErrorCatalog.Ingestion.NotFound, $"No batch with id '{Short(batchId)}' exists in this sandbox: create one with POST /data/foundation/import/batches, or check the x-sandbox-name header.");

    public async Task<Batch> ActAsync(TenantKey tenant, CatalogAuthor author, string batchId, string? action, CancellationToken ct)
    {
        var parsed = BatchActions.Parse(action)
            ?? throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter 'action' is '{Short(action ?? "")}': use COMPLETE, ABORT, FAIL or REVERT, e.g. POST /batches/{{BATCH_ID}}?action=COMPLETE.");
        var batch = await FindAsync(batchId, ct);
        try
        {
            return parsed switch
            {
                BatchAction.Complete => await CompleteAsync(tenant, author, batch, ct),
                BatchAction.Abort => await AbortAsync(tenant, author, batch, ct),
                BatchAction.Fail => await FailAsync(author, batch, ct),
                _ => await RevertAsync(author, batch, ct),
            };
        }
        catch (BatchStatusConflictException ex)
        {
            throw new AepException(ErrorCatalog.Ingestion.BatchNotLoading, $"Batch {batch.Id} is {ex.Current.ToWire()}: it cannot be {Verb(parsed)} now.");
        }
        catch (CatalogConcurrencyException)
        {
            // Another request or the worker changed the batch first: answer with what it is now (COMPLETE twice at once...).
            var now = await FindAsync(batchId, ct);
            if (parsed == BatchAction.Complete && now.Status is not (BatchStatus.Loading or BatchStatus.Aborted))
            {
                return now;
            }

            throw new AepException(ErrorCatalog.Ingestion.BatchNotLoading, $"Batch {batch.Id} changed while it was being {Verb(parsed)}: it is {now.Status.ToWire()} now; read it and try again.");
        }
    }

    private async Task<Batch> CompleteAsync(TenantKey tenant, CatalogAuthor author, Batch batch, CancellationToken ct)
    {
        if (batch.Status == BatchStatus.Loading)
        {
            var uploaded = await files.ListAsync(batch.Id, ct);
            if (uploaded.Count == 0)
            {
                throw new AepException(ErrorCatalog.Ingestion.BatchNotLoading, $"Batch {batch.Id} has no files: upload at least one with PUT /batches/{batch.Id}/datasets/{batch.DataSetId}/files/{{FILE_NAME}} before COMPLETE.");
            }

            if (uploaded.FirstOrDefault(f => !f.IsComplete) is { } open)
            {
                throw new AepException(ErrorCatalog.Ingestion.BatchNotLoading, $"Large file '{open.Name}' of batch {batch.Id} was initialized but not completed: POST .../files/{open.Name}?action=COMPLETE first.");
            }
        }

        var now = clock.GetUtcNow();
        if (!batch.Complete(author, now))
        {
            return batch; // already past loading: COMPLETE is safe to repeat
        }

        // The job, the status and the dataset's last-batch fields are saved together, and nothing after: once the job can
        // be claimed, a worker may hold the store for the whole batch (SQLite's single writer lock).
        jobs.Enqueue(tenant, batch.Id, now);
        (await datasets.FindAsync(batch.DataSetId, ct))?.TrackBatch(batch);
        await batches.SaveAsync(ct);
        jobs.Signal();
        return batch;
    }

    private async Task<Batch> AbortAsync(TenantKey tenant, CatalogAuthor author, Batch batch, CancellationToken ct)
    {
        batch.Abort(author, clock.GetUtcNow());
        await jobs.CancelAsync(tenant, batch.Id, ct);
        await batches.SaveAsync(ct);
        await files.DeleteForBatchAsync(batch.Id, ct);
        await TrackAsync(batch, ct);
        return batch;
    }

    /// <summary>REVERT ("Delete a batch"): the batch becomes <c>inactive</c> and its records, files, identity links
    /// (and whatever else an <see cref="IBatchDataEraser"/> keeps) are removed at once. Only a batch that finished
    /// (success or failed) can be reverted; a loading one is aborted instead.</summary>
    private async Task<Batch> RevertAsync(CatalogAuthor author, Batch batch, CancellationToken ct)
    {
        await batches.RevertAsync(batch, author, clock.GetUtcNow(), ct);
        await TrackAsync(batch, ct);
        return batch;
    }

    private async Task<Batch> FailAsync(CatalogAuthor author, Batch batch, CancellationToken ct)
    {
        if (batch.Status is not (BatchStatus.Loading or BatchStatus.Staged))
        {
            throw new BatchStatusConflictException(batch.Id, batch.Status, "failed");
        }

        batch.Fail(BatchMetrics.None, [new BatchError(IngestionErrorCodes.ProducerFailed, $"The producer ({author.ClientId}) failed the batch with action=FAIL.")], clock.GetUtcNow());
        await batches.SaveAsync(ct);
        await files.DeleteForBatchAsync(batch.Id, ct);
        await TrackAsync(batch, ct);
        return batch;
    }

    private async Task TrackAsync(Batch batch, CancellationToken ct)
    {
        if (await datasets.FindAsync(batch.DataSetId, ct) is { } dataset)
        {
            await TrackAsync(dataset, batch, ct);
        }
    }

    /// <summary>Keeps the dataset's last-batch fields current; a concurrent dataset change wins (the next status change
    /// of the batch refreshes them).</summary>
    private async Task TrackAsync(Dataset dataset, Batch batch, CancellationToken ct)
    {
        dataset.TrackBatch(batch);
        try
        {
            await datasets.SaveAsync(dataset, ct);
        }
        catch (CatalogConcurrencyException)
        {
        }
    }

    private static string Verb(BatchAction action) => action switch
    {
        BatchAction.Complete => "completed",
        BatchAction.Abort => "aborted",
        BatchAction.Fail => "failed",
        _ => "reverted",
    };

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
