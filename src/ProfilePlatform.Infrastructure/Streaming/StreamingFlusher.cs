using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>Turns pending streamed messages into Catalog batches of their datasets, every
/// <see cref="StreamingOptions.FlushIntervalMs"/>: one batch per dataset (valid and invalid messages apart), with the records as
/// one JSON lines file, COMPLETE and its ingestion job — then the batch ingestion worker processes it like any other batch
/// (records in <c>dataset_record_chunks</c>, the record sinks, status and metrics in Catalog).</summary>
/// <remarks>
/// <para>Exactly once: the messages are deleted in the same transaction that creates the batch, its file and its job; a crash
/// before the commit leaves them pending for the next flush (here or on another node), and after it the job carries them.
/// PostgreSQL claims the messages with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes flush at once without taking the same
/// message or waiting on each other; SQLite has one writer anyway.</para>
/// <para>Natural batching: a dataset's next batch is made only once the batch this node made for it before has been
/// processed. With little traffic that is every interval; under load the worker's pace sets the batch size, so the fixed
/// cost of a batch (Catalog writes, the schema check) is shared by more messages instead of piling up jobs.</para>
/// <para>Which datasets to flush: those this node committed messages for (<see cref="StreamingTargetSignals"/>), and every
/// <see cref="StreamingOptions.DiscoveryIntervalMs"/> those the database holds pending messages for (other nodes' messages,
/// messages left by a restart).</para>
/// <para>AEP groups streamed data into batches on the dataset too (help/ingestion/streaming-ingestion/overview.md); invalid
/// messages land in a failed batch with their row errors, which is where error diagnostics find them.</para>
/// </remarks>
public sealed class StreamingFlusher(IServiceScopeFactory scopes, StreamingOptions options, StreamingTargetSignals signals, TimeProvider clock, ILogger<StreamingFlusher> log) : BackgroundService
{
    /// <summary>Who streamed batches are created by in Catalog [unverified: AEP's client id for DCS batches].</summary>
    public static readonly CatalogAuthor Author = new("acp_streaming_ingestion", "acp_streaming_ingestion");

    /// <summary>How long one claim of pending messages may run on PostgreSQL before it is cancelled and retried.</summary>
    private const string ClaimTimeout = "'120s'";

    // The last batch this node made per dataset (and validity), to wait for it before making the next.
    private readonly Dictionary<StreamingTarget, string> lastBatches = [];

    // Targets to look at again at the next interval: their last batch was still being processed, the flush took a full
    // batch (more may be pending), or the flush failed.
    private readonly HashSet<StreamingTarget> retry = [];

    private long? lastDiscovery;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.FlusherEnabled)
        {
            return;
        }

        await Task.Yield();
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, options.FlushIntervalMs));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetTimestamp();
                var discover = lastDiscovery is not { } last || clock.GetElapsedTime(last, now).TotalMilliseconds >= options.DiscoveryIntervalMs;
                await FlushTargetsAsync(discover, stoppingToken);
                if (discover)
                {
                    lastDiscovery = now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Flushing streamed messages failed; retrying in {Interval}", interval);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private const string PendingTargetsSql = """SELECT DISTINCT "ims_org", "sandbox", "data_set_id", "is_valid" FROM "streaming_messages" """;

    /// <summary>The pending (org, sandbox, dataset, validity) targets on PostgreSQL: one probe of
    /// <c>ix_streaming_messages_target</c> per target (a recursive "skip scan"), where <c>SELECT DISTINCT</c> read every
    /// queued row — a poll every 250 ms whose cost grew with the backlog (77 ms at 300,000 queued messages, against
    /// 1.6 ms this way).</summary>
    private const string PendingTargetsSkipScanSql = """
        WITH RECURSIVE t AS (
          (SELECT "ims_org", "sandbox", "data_set_id", "is_valid" FROM "streaming_messages"
           ORDER BY "ims_org", "sandbox", "data_set_id", "is_valid" LIMIT 1)
          UNION ALL
          SELECT n."ims_org", n."sandbox", n."data_set_id", n."is_valid" FROM t CROSS JOIN LATERAL (
            SELECT m."ims_org", m."sandbox", m."data_set_id", m."is_valid" FROM "streaming_messages" m
            WHERE (m."ims_org", m."sandbox", m."data_set_id", m."is_valid") > (t."ims_org", t."sandbox", t."data_set_id", t."is_valid")
            ORDER BY m."ims_org", m."sandbox", m."data_set_id", m."is_valid" LIMIT 1) n)
        SELECT "ims_org", "sandbox", "data_set_id", "is_valid" FROM t
        """;

    /// <summary>Flushes every dataset that has pending messages once, asking the database which; returns the number of
    /// messages moved into batches.</summary>
    public Task<int> FlushAllAsync(CancellationToken ct) => FlushTargetsAsync(discover: true, ct);

    /// <summary>Flushes the targets this node committed messages for, those left from the last interval and, when
    /// <paramref name="discover"/>, every target with pending messages in the database.</summary>
    private async Task<int> FlushTargetsAsync(bool discover, CancellationToken ct)
    {
        var groups = new HashSet<StreamingTarget>(retry);
        groups.UnionWith(signals.TakeAll());
        if (discover)
        {
            groups.UnionWith(await PendingTargetsAsync(ct));
        }

        // Each stays to be retried until it is flushed, so a failure part way loses none of them.
        retry.UnionWith(groups);
        var moved = 0;
        foreach (var group in groups)
        {
            var tenant = new TenantKey(group.Org, group.Sandbox);
            if (lastBatches.TryGetValue(group, out var previous) && await StillQueuedAsync(tenant, previous, ct))
            {
                continue;
            }

            var (count, batchId) = await FlushAsync(tenant, group.DataSetId, group.Valid, ct);
            moved += count;
            if (batchId is not null)
            {
                lastBatches[group] = batchId;
            }

            if (count < options.MaxMessagesPerBatch)
            {
                retry.Remove(group);
            }
        }

        return moved;
    }

    private async Task<List<StreamingTarget>> PendingTargetsAsync(CancellationToken ct)
    {
        List<StreamingTarget> targets = [];
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, db.Database.IsNpgsql() ? PendingTargetsSkipScanSql : PendingTargetsSql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            targets.Add(new StreamingTarget(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        }

        return targets;
    }

    /// <summary>Whether the batch's ingestion job has not finished yet.</summary>
    private async Task<bool> StillQueuedAsync(TenantKey tenant, string batchId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, """SELECT COUNT(*) FROM "ingest_jobs" WHERE "ims_org" = @org AND "sandbox" = @sandbox AND "batch_id" = @batch AND "state" <> 'done'""");
        StoreCommands.Parameter(command, "@org", tenant.ImsOrg);
        StoreCommands.Parameter(command, "@sandbox", tenant.Sandbox);
        StoreCommands.Parameter(command, "@batch", batchId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private async Task<(int Count, string? BatchId)> FlushAsync(TenantKey tenant, string dataSetId, bool valid, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenancyContext>().Use(tenant);
        var db = services.GetRequiredService<PlatformDbContext>();
        var batches = services.GetRequiredService<IBatchStore>();
        var datasets = services.GetRequiredService<IDatasetStore>();
        var files = services.GetRequiredService<IBatchFileStore>();
        var jobs = services.GetRequiredService<IIngestionJobQueue>();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var records = await ClaimAsync(db, tenant, dataSetId, valid, ct);
        if (records.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return (0, null);
        }

        var dataset = await datasets.FindAsync(dataSetId, ct);
        if (dataset is null)
        {
            // The dataset was deleted after the messages were accepted: they have nowhere to land.
            await transaction.CommitAsync(ct);
            log.LogWarning("{Count} streamed messages for deleted dataset {DataSetId} were dropped", records.Count, dataSetId);
            return (records.Count, null);
        }

        var now = clock.GetUtcNow();
        var sandbox = await services.GetRequiredService<ISandboxStore>().FindAsync(tenant.Sandbox, ct);
        var tags = CatalogTags.None.With(IngestionTags.Producer, [Author.ClientId]).With(IngestionTags.ErrorDiagnostics, ["true"]);
        var batch = Batch.Create(tenant, sandbox?.Id.ToString() ?? "", dataSetId, new BatchInputFormat("json"), tags, Author, now);
        await batches.AddAsync(batch, ct);

        var contentId = Guid.NewGuid().ToString("N");
        var size = await WriteFileAsync(db, tenant, contentId, batch.Id, records, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"streaming-{records[0].Id}.json");
        await files.AddAsync(BatchFile.Uploaded(tenant, batch.Id, dataSetId, name, 1, contentId, size, now), ct);

        batch.Complete(Author, now);
        jobs.Enqueue(tenant, batch.Id, now);
        dataset.TrackBatch(batch);
        await batches.SaveAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Signal();
        return (records.Count, batch.Id);
    }

    /// <summary>Deletes up to <see cref="StreamingOptions.MaxMessagesPerBatch"/> of the dataset's oldest pending messages and
    /// returns them in arrival order (rolled back with the transaction if the batch is not created).</summary>
    private async Task<List<(long Id, string Record)>> ClaimAsync(PlatformDbContext db, TenantKey tenant, string dataSetId, bool valid, CancellationToken ct)
    {
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        if (skipLocked.Length > 0)
        {
            // The queue swings between empty and hundreds of thousands of rows, so its statistics are often stale (estimates
            // of 1 row for a dataset they do not know). bench/streaming.sh twice saw a claim run 7–8 minutes on the CPU at
            // 100,000–120,000 pending messages while nothing was flushed; the plan was not captured. Without nested loops
            // the semi-join is a hash join, linear whatever the estimates, and no run has stalled since. The timeout is the
            // guard should a claim stall anyway: the flush fails with a warning in the log and is retried, instead of
            // holding the queue for minutes (a claim takes ~0.2 s).
            await using var mode = StoreCommands.Command(db, "SET LOCAL enable_nestloop = off; SET LOCAL statement_timeout = " + ClaimTimeout);
            await mode.ExecuteNonQueryAsync(ct);
        }

        var sql = $"""
            DELETE FROM "streaming_messages" WHERE "id" IN (
                SELECT "id" FROM "streaming_messages"
                WHERE "ims_org" = @org AND "sandbox" = @sandbox AND "data_set_id" = @dataset AND "is_valid" = @valid
                ORDER BY "id" LIMIT @limit{skipLocked})
            RETURNING "id", "record"
            """;
        await using var command = StoreCommands.Command(db, sql);
        StoreCommands.Parameter(command, "@org", tenant.ImsOrg);
        StoreCommands.Parameter(command, "@sandbox", tenant.Sandbox);
        StoreCommands.Parameter(command, "@dataset", dataSetId);
        StoreCommands.Parameter(command, "@valid", valid);
        StoreCommands.Parameter(command, "@limit", options.MaxMessagesPerBatch);
        var records = new List<(long Id, string Record)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                records.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        if (skipLocked.Length > 0)
        {
            // The rest of the flush (Catalog rows, the file) plans as usual.
            await using var reset = StoreCommands.Command(db, "SET LOCAL enable_nestloop = on; SET LOCAL statement_timeout TO DEFAULT");
            await reset.ExecuteNonQueryAsync(ct);
        }

        records.Sort((a, b) => a.Id.CompareTo(b.Id));
        return records;
    }

    /// <summary>Writes the records as one JSON lines file in 1 MiB chunks, the way uploads are stored; returns its size.</summary>
    private static async Task<long> WriteFileAsync(PlatformDbContext db, TenantKey tenant, string contentId, string batchId, List<(long Id, string Record)> records, CancellationToken ct)
    {
        await using var insert = StoreCommands.Command(db,
            """INSERT INTO "ingest_file_chunks" ("ims_org", "sandbox", "content_id", "offset", "batch_id", "data") VALUES (@org, @sandbox, @content, @offset, @batch, @data)""");
        StoreCommands.Parameter(insert, "@org", tenant.ImsOrg);
        StoreCommands.Parameter(insert, "@sandbox", tenant.Sandbox);
        StoreCommands.Parameter(insert, "@content", contentId);
        var offset = StoreCommands.Parameter(insert, "@offset", 0L);
        StoreCommands.Parameter(insert, "@batch", batchId);
        var data = StoreCommands.Parameter(insert, "@data", Array.Empty<byte>());

        var chunk = new MemoryStream(IBatchFileStore.ChunkBytes + 4096);
        var written = 0L;
        foreach (var (_, record) in records)
        {
            var bytes = Encoding.UTF8.GetBytes(record);
            chunk.Write(bytes);
            chunk.WriteByte((byte)'\n');
            while (chunk.Length >= IBatchFileStore.ChunkBytes)
            {
                written += await FlushChunkAsync(IBatchFileStore.ChunkBytes);
            }
        }

        if (chunk.Length > 0)
        {
            written += await FlushChunkAsync((int)chunk.Length);
        }

        return written;

        async Task<long> FlushChunkAsync(int length)
        {
            var buffer = chunk.GetBuffer();
            offset.Value = written;
            data.Value = buffer.AsSpan(0, length).ToArray();
            await insert.ExecuteNonQueryAsync(ct);
            var rest = buffer.AsSpan(length, (int)chunk.Length - length).ToArray();
            chunk.SetLength(0);
            chunk.Write(rest);
            return length;
        }
    }
}
