using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Processes one claimed batch: reads its files, checks every record against the dataset's schema, writes the
/// accepted ones and hands them to the record sinks, and sets the batch's final status, metrics and errors — all in one
/// transaction, so the batch's records appear with its <c>success</c> or not at all.</summary>
/// <remarks>
/// <para>Runs in a DI scope acting for the job's tenancy; the scope's store context carries the transaction. The job's row is
/// locked first (<see cref="IngestionJobClaims.HoldAsync"/>): while the transaction runs, no other worker can take the job.
/// Records are written behind a savepoint; when the batch turns out to fail (a bad record without partial ingestion, too many
/// for the threshold, an unreadable file) the savepoint is rolled back — at once when failure is certain — and the
/// transaction still commits the <c>failed</c> status with its errors and row errors. A crash or kill anywhere rolls
/// everything back; the job's lease then runs out and the batch is processed again.</para>
/// <para>Files are read on connections of their own while records are written on the transaction's; each file streams
/// through segments (<see cref="RecordSegment"/>): one segment is checked on every core while the previous one is written.</para>
/// <para>The uploaded bytes are deleted in the same transaction (the batch's records are the data from then on); the file
/// records stay for the input file listings.</para>
/// </remarks>
internal sealed class BatchProcessor(
    PlatformDbContext db,
    IBatchStore batches,
    IDatasetStore datasets,
    IDataSetFileStore dataSetFiles,
    IBatchFileStore files,
    IngestionSchemaSource schemas,
    IEnumerable<IIngestedRecordSink> sinks,
    IngestionWorkerOptions options,
    TimeProvider clock,
    ILogger<BatchProcessor> log)
{
    private const string Savepoint = "batch_records";

    private readonly IReadOnlyList<IIngestedRecordSink> sinks = [.. sinks];

    private PlatformDbContext Db => db;

    private IBatchFileStore Files => files;

    private IngestionWorkerOptions Options => options;

    private ILogger Log => log;

    public async Task ProcessAsync(ClaimedJob job, CancellationToken ct)
    {
        var batch = await batches.FindAsync(job.BatchId, ct);
        if (batch is null || batch.Status is not (BatchStatus.Staged or BatchStatus.Processing))
        {
            // Aborted, deleted or already finished: nothing to do.
            await IngestionJobClaims.FinishAsync(db, job, Now(), ct);
            return;
        }

        if (job.Attempts > options.MaxAttempts)
        {
            await FailWithoutProcessingAsync(job, batch, new BatchError(
                IngestionErrorCodes.ProcessingFailed,
                $"Processing the batch failed {options.MaxAttempts} times; the last attempt: {job.LastError ?? "the worker stopped"}. Upload the data again in a new batch."), ct);
            return;
        }

        if (batch.Status == BatchStatus.Staged)
        {
            batch.StartProcessing(clock.GetUtcNow());
            await batches.SaveAsync(ct);
            await TrackAsync(batch, ct);
        }

        var dataset = await datasets.FindAsync(batch.DataSetId, ct);
        if (dataset is null)
        {
            await FailWithoutProcessingAsync(job, batch, new BatchError(IngestionErrorCodes.UnreadableFile, $"Dataset {batch.DataSetId} no longer exists."), ct);
            return;
        }

        RecordCheck check;
        try
        {
            check = await schemas.ForDatasetAsync(new Domain.Tenancy.TenantKey(job.ImsOrg, job.Sandbox), dataset, ct);
        }
        catch (AepException ex)
        {
            await FailWithoutProcessingAsync(job, batch, new BatchError(IngestionErrorCodes.SchemaViolation, $"The dataset's schema {dataset.SchemaId} cannot validate records: {ex.Message}"), ct);
            return;
        }

        var uploaded = await files.ListAsync(batch.Id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await IngestionJobClaims.HoldAsync(db, job, Now(), ct))
        {
            log.LogWarning("Batch {BatchId}: job {JobId} is no longer held by {Owner}; leaving it", batch.Id, job.Id, job.Owner);
            return;
        }

        await transaction.CreateSavepointAsync(Savepoint, ct);
        var preparers = new IRecordPreparer?[sinks.Count];
        for (var i = 0; i < sinks.Count; i++)
        {
            preparers[i] = sinks[i] is IPreparingRecordSink preparing ? await preparing.PreparerAsync(dataset, batch, ct) : null;
        }

        var run = new Run(this, dataset, batch, check, IngestionPolicy.Of(batch), new RowErrorCollector(options.MaxStoredRowErrors), preparers.Any(p => p is not null) ? preparers : null);
        foreach (var file in uploaded)
        {
            await run.ReadFileAsync(file, ct);
        }

        var verdict = run.Tally.Verdict(run.Policy);
        var now = clock.GetUtcNow();
        if (!verdict.Succeeded)
        {
            await run.StopWritingAsync(transaction, ct);
        }
        else
        {
            var author = new CatalogAuthor(batch.CreatedClient, batch.CreatedUser);
            foreach (var (file, landed) in run.Landed.Where(l => l.Value.Records > 0))
            {
                await dataSetFiles.AddAsync(DataSetFile.Create(dataset, batch, file.Sequence, file.Name, landed.Bytes, landed.Records, isValid: true, author, now), ct);
            }
        }

        // A failed batch rolled back what the sinks did: their record problems no longer describe anything.
        db.RowErrors.AddRange(verdict.Succeeded ? run.Errors.Rows : run.Errors.Rows.Where(r => !IngestionErrorCodes.IsProfileRowCode(r.Code)));
        if (verdict.Succeeded)
        {
            batch.Succeed(verdict.Metrics, verdict.Errors, now);
        }
        else
        {
            batch.Fail(verdict.Metrics, verdict.Errors, now);
        }

        try
        {
            await batches.SaveAsync(ct);
        }
        catch (CatalogConcurrencyException)
        {
            // ABORT (or the dataset's deletion) changed the batch meanwhile: it wins, nothing of this attempt is kept.
            await transaction.RollbackAsync(ct);
            await IngestionJobClaims.FinishAsync(db, job, Now(), ct);
            log.LogInformation("Batch {BatchId} changed while it was processed (aborted or deleted); its records were discarded", batch.Id);
            return;
        }

        if (verdict.Succeeded && batch.Replay is { } replay)
        {
            await ReplaceAsync(batch, replay, now, ct);
        }

        await IngestionJobClaims.FinishAsync(db, job, Now(), ct);
        await db.FileChunks.Where(c => c.BatchId == batch.Id).ExecuteDeleteAsync(ct);
        await TrackAsync(batch, ct);
        await transaction.CommitAsync(ct);
        log.LogInformation(
            "Batch {BatchId} {Status}: {Read} records read, {Written} written, {Failed} failed",
            batch.Id, batch.Status.ToWire(), verdict.Metrics.InputRecordCount, verdict.Metrics.OutputRecordCount, verdict.Metrics.FailedRecordCount);
        if (verdict.Succeeded && options.AnalyzeAfterRecords > 0 && verdict.Metrics.OutputRecordCount >= options.AnalyzeAfterRecords)
        {
            await PlannerStatistics.RefreshAsync(db, log, ct);
        }
    }

    /// <summary>A replay that succeeded replaces its predecessors ("equivalent to deleting the old batch and ingesting a
    /// new one instead", api-overview.md): each finished predecessor is reverted in this batch's transaction, so readers
    /// see the old data or the new, never both or neither. Predecessors not finished (or already reverted) are left as
    /// they are [unverified: AEP documents only the happy path].</summary>
    private async Task ReplaceAsync(Batch batch, BatchReplay replay, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var predecessor in await batches.FindManyAsync(replay.Predecessors, ct))
        {
            if (predecessor.Status is BatchStatus.Success or BatchStatus.Failed && !string.Equals(predecessor.Id, batch.Id, StringComparison.Ordinal))
            {
                await batches.RevertAsync(predecessor, null, now, ct);
                log.LogInformation("Batch {BatchId} replaced batch {Predecessor}, which is now inactive", batch.Id, predecessor.Id);
            }
        }
    }

    private async Task FailWithoutProcessingAsync(ClaimedJob job, Batch batch, BatchError error, CancellationToken ct)
    {
        if (batch.Status == BatchStatus.Staged)
        {
            batch.StartProcessing(clock.GetUtcNow());
        }

        batch.Fail(BatchMetrics.None, [error], clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await batches.SaveAsync(ct);
        await IngestionJobClaims.FinishAsync(db, job, Now(), ct);
        await db.FileChunks.Where(c => c.BatchId == batch.Id).ExecuteDeleteAsync(ct);
        await TrackAsync(batch, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Keeps the dataset's last-batch fields current, retrying when the dataset changed meanwhile. The final status
    /// is tracked inside the batch's transaction, so a client that sees the batch finished in Catalog sees the dataset say so.</summary>
    private async Task TrackAsync(Batch batch, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var dataset = await datasets.FindAsync(batch.DataSetId, ct);
            if (dataset is null)
            {
                return;
            }

            dataset.TrackBatch(batch);
            try
            {
                await datasets.SaveAsync(dataset, ct);
                return;
            }
            catch (CatalogConcurrencyException)
            {
            }
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>One attempt at one batch: what was counted, written and refused so far.</summary>
    private sealed class Run(BatchProcessor owner, Dataset dataset, Batch batch, RecordCheck check, IngestionPolicy policy, RowErrorCollector errors, IReadOnlyList<IRecordPreparer?>? preparers)
    {
        private bool writing = true;
        private bool wrote;
        private long writtenRecords;

        /// <summary>Records written before the planner statistics are first checked, doubling after each check.</summary>
        private long nextStatisticsCheck = 8192;

        public IngestionTally Tally { get; } = new();

        public IngestionPolicy Policy => policy;

        public RowErrorCollector Errors => errors;

        /// <summary>Bytes and records landed per file (a file's landed bytes are its records' JSON lines).</summary>
        public Dictionary<BatchFile, (long Bytes, long Records)> Landed { get; } = [];

        public async Task ReadFileAsync(BatchFile file, CancellationToken ct)
        {
            Tally.AddFile(file.Size);
            Landed[file] = (0, 0);
            if (file.Size == 0)
            {
                Tally.AddFileError(file.Name, IngestionErrorCodes.EmptyFile, "Dataset file is empty. Please upload file with data.");
                return;
            }

            var before = Tally.InputRecordCount;
            try
            {
                await using var content = owner.Files.OpenRead(file.ContentId, file.Size);
                await using var reader = CreateReader(content);
                await PumpAsync(file, reader, ct);
            }
            catch (IngestionFileException ex)
            {
                Tally.AddFileError(file.Name, ex.Code, ex.Message);
            }

            if (Tally.InputRecordCount == before && Tally.FileErrors.Count == 0)
            {
                Tally.AddFileError(file.Name, IngestionErrorCodes.EmptyFile, "Dataset file is empty. Please upload file with data.");
            }
        }

        /// <summary>Stops writing records for good: what was written is rolled back (the batch cannot succeed).</summary>
        public async Task StopWritingAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
        {
            if (wrote)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, ct);
                wrote = false;
            }

            writing = false;
        }

        private IRecordReader CreateReader(Stream content) => IngestionFormats.FromWire(batch.InputFormat.Format) switch
        {
            IngestionFormat.Csv => new CsvRecordReader(content, CsvOptions.Of(batch.InputFormat), check.Schema),
            IngestionFormat.Parquet => new ParquetRecordReader(content, check.Schema),
            _ when batch.InputFormat.IsMultiLineJson == true => new MultiLineJsonReader(content),
            _ => new JsonLinesReader(content),
        };

        /// <summary>Reads the file into segments on one task, checking each on every core, while this one writes them;
        /// written segments go back to the reader for reuse.</summary>
        private async Task PumpAsync(BatchFile file, IRecordReader reader, CancellationToken ct)
        {
            var threads = owner.Options.ValidationThreads > 0 ? owner.Options.ValidationThreads : Environment.ProcessorCount;
            var channel = Channel.CreateBounded<RecordSegment>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            var free = new System.Collections.Concurrent.ConcurrentQueue<RecordSegment>();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var producer = Task.Run(
                async () =>
                {
                    try
                    {
                        var segment = Take();
                        while (await reader.ReadAsync(stop.Token))
                        {
                            segment.Add(reader.Current);
                            if (segment.IsFull)
                            {
                                segment.Check(check, threads, preparers);
                                await channel.Writer.WriteAsync(segment, stop.Token);
                                segment = Take();
                            }
                        }

                        if (segment.Count > 0)
                        {
                            segment.Check(check, threads, preparers);
                            await channel.Writer.WriteAsync(segment, stop.Token);
                        }
                    }
                    finally
                    {
                        channel.Writer.TryComplete();
                    }
                },
                stop.Token);
            try
            {
                await foreach (var segment in channel.Reader.ReadAllAsync(ct))
                {
                    await ConsumeAsync(file, segment, ct);
                    segment.Reset();
                    free.Enqueue(segment);
                }
            }
            catch
            {
                await stop.CancelAsync();
                try
                {
                    await producer;
                }
                catch (Exception producerFailure) when (producerFailure is OperationCanceledException or IngestionFileException)
                {
                }

                throw;
            }

            await producer; // a reader's failure (an unreadable file) surfaces here

            RecordSegment Take() => free.TryDequeue(out var reused) ? reused : new RecordSegment(owner.Options.SegmentRecords);
        }

        private async Task ConsumeAsync(BatchFile file, RecordSegment segment, CancellationToken ct)
        {
            var landed = new List<LandedRecord>(segment.Count);
            var ingested = owner.sinks.Count > 0 ? new List<IngestedRecord>(segment.Count) : null;
            var positions = preparers is not null ? new List<int>(segment.Count) : null;
            var (bytes, records) = Landed[file];
            for (var i = 0; i < segment.Count; i++)
            {
                var result = segment.Result(i);
                Tally.Add(result);
                if (result.IsAccepted)
                {
                    landed.Add(new LandedRecord(file.Sequence, segment.Row(i), result.Json));
                    ingested?.Add(new IngestedRecord(file.Name, segment.Row(i), result.Json));
                    positions?.Add(i);
                    bytes += result.Json.Length + 1;
                    records++;
                }
                else
                {
                    errors.Add(batch.ImsOrg, batch.Sandbox, batch.Id, file.Name, segment.Row(i), result.Problems, segment.Raw(i));
                }
            }

            Landed[file] = (bytes, records);
            if (!writing || landed.Count == 0)
            {
                return;
            }

            if (writtenRecords >= nextStatisticsCheck)
            {
                nextStatisticsCheck = writtenRecords * 2;
                await PlannerStatistics.RefreshStaleInTransactionAsync(owner.Db, owner.Log, ct);
            }

            await DatasetRecordWriter.WriteAsync(owner.Db, dataset.Id, batch.Id, landed, ct);
            writtenRecords += landed.Count;
            wrote = true;
            for (var s = 0; s < owner.sinks.Count; s++)
            {
                var sink = owner.sinks[s];
                var handed = preparers?[s] is null ? ingested! : WithPrepared(ingested!, positions!, segment, s);
                var problems = await sink.AcceptAsync(new IngestedRecords(dataset, batch, handed), ct);
                foreach (var problem in problems)
                {
                    var record = ingested![problem.Index];
                    foreach (var code in problem.Problems.Select(p => p.Code).Distinct(StringComparer.Ordinal))
                    {
                        Tally.AddProfileError(code);
                    }

                    errors.Add(batch.ImsOrg, batch.Sandbox, batch.Id, record.FileName, record.Row, problem.Problems, System.Text.Encoding.UTF8.GetString(record.Json.Span));
                }
            }

            if (policy.CannotSucceed(Tally.FailedRecordCount))
            {
                await StopWritingAsync(owner.Db.Database.CurrentTransaction!, ct);
            }
        }

        /// <summary>The accepted records with what sink <paramref name="sink"/>'s preparer made of each.</summary>
        private static List<IngestedRecord> WithPrepared(List<IngestedRecord> ingested, List<int> positions, RecordSegment segment, int sink)
        {
            var records = new List<IngestedRecord>(ingested.Count);
            for (var j = 0; j < ingested.Count; j++)
            {
                records.Add(ingested[j] with { Prepared = segment.Prepared(sink, positions[j]) });
            }

            return records;
        }
    }
}
