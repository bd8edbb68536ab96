using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Experience events in <c>profile_experience_events</c>, tenant-scoped by the context's query filters.</summary>
/// <remarks>Appending is a multi-row <c>INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE excluded.ingested_at &gt;=
/// ingested_at</c> (<see cref="BulkUpsert"/>): no lock, and a concurrent writer of the same event simply waits for the
/// row; the latest ingested copy wins. On PostgreSQL the stored keys are read first and only those rows upserted, the
/// new ones appended by a direct COPY; a key another appender stored in between fails the COPY, which is then rolled
/// back to its savepoint and everything upserted.</remarks>
internal sealed class EfExperienceEventStore(PlatformDbContext db) : IExperienceEventStore
{
    private TenantKey Tenant => db.Tenancy?.Tenant ?? throw new InvalidOperationException("The Profile store needs the unit of work's organization and sandbox.");

    public async Task<int> AppendAsync(IReadOnlyList<ExperienceEvent> events, CancellationToken ct)
    {
        // One row per key in a statement (PostgreSQL refuses to update a row twice in one command); the later copy wins.
        var distinct = events
            .Select((e, i) => (Event: e, Index: i))
            .GroupBy(x => (x.Event.DatasetId, x.Event.EventId))
            .Select(g => g.MaxBy(x => (x.Event.IngestedAt, x.Index)).Event)
            .ToList();
        if (distinct.Count == 0)
        {
            return 0;
        }

        var tenant = Tenant;
        var records = distinct.Select(e => ToRecord(tenant, e)).ToList();
        if (db.Database.IsNpgsql() && await TryAppendDirectAsync(records, ct))
        {
            return distinct.Count;
        }

        await BulkUpsert.UpsertAsync(db, records, ct, onlyIfNotOlder: nameof(ExperienceEventRecord.IngestedAt));
        return distinct.Count;
    }

    /// <summary>PostgreSQL: reads which keys are stored, appends the others by direct COPY and upserts only the stored
    /// ones (with the not-older guard). False, with nothing written, when a key was stored between the read and the
    /// COPY (a concurrent appender: events take no lock): the caller then upserts them all.</summary>
    private async Task<bool> TryAppendDirectAsync(List<ExperienceEventRecord> records, CancellationToken ct)
    {
        await using var unit = await StoreUnit.BeginWriteAsync(db, ct);
        try
        {
            var stored = new HashSet<(string, string)>();
            foreach (var dataset in records.GroupBy(r => r.DatasetId, StringComparer.Ordinal))
            {
                var id = dataset.Key;
                var keys = dataset.Select(r => r.EventKey).ToList();
                var found = await db.Set<ExperienceEventRecord>().AsNoTracking()
                    .Where(e => e.DatasetId == id && keys.Contains(e.EventKey))
                    .Select(e => e.EventKey)
                    .ToListAsync(ct);
                stored.UnionWith(found.Select(k => (id, k)));
            }

            await BulkUpsert.InsertAsync(db, [.. records.Where(r => !stored.Contains((r.DatasetId, r.EventKey)))], ct);
            await BulkUpsert.UpsertAsync(db, [.. records.Where(r => stored.Contains((r.DatasetId, r.EventKey)))], ct, onlyIfNotOlder: nameof(ExperienceEventRecord.IngestedAt));
            await unit.CommitAsync(ct);
            return true;
        }
        catch (Exception ex) when (StoreRetry.IsUniqueViolation(ex))
        {
            await unit.RollbackAsync(ct);
            return false;
        }
    }

    public async Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct)
    {
        if (query.PrimaryXids.Count == 0 || query.Limit <= 0)
        {
            return [];
        }

        var xids = query.PrimaryXids.Distinct(StringComparer.Ordinal).ToList();
        var events = db.Set<ExperienceEventRecord>().AsNoTracking().Where(e => xids.Contains(e.PrimaryXid));
        if (query.DatasetIds is { } datasetIds)
        {
            var datasets = datasetIds.Distinct(StringComparer.Ordinal).ToList();
            events = events.Where(e => datasets.Contains(e.DatasetId));
        }

        if (query.From is { } from)
        {
            var start = StoreTime.Of(from);
            events = events.Where(e => e.Timestamp >= start);
        }

        if (query.To is { } to)
        {
            var end = StoreTime.Of(to);
            events = events.Where(e => e.Timestamp < end);
        }

        if (query.After is { } after)
        {
            var (t, id, ds) = (StoreTime.Of(after.Timestamp), after.EventId, after.DatasetId);
            events = query.Descending
                ? events.Where(e => e.Timestamp < t || (e.Timestamp == t && (string.Compare(e.EventId, id) < 0 || (e.EventId == id && string.Compare(e.DatasetId, ds) < 0))))
                : events.Where(e => e.Timestamp > t || (e.Timestamp == t && (string.Compare(e.EventId, id) > 0 || (e.EventId == id && string.Compare(e.DatasetId, ds) > 0))));
        }

        events = query.Descending
            ? events.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.EventId).ThenByDescending(e => e.DatasetId)
            : events.OrderBy(e => e.Timestamp).ThenBy(e => e.EventId).ThenBy(e => e.DatasetId);
        var records = await events.Take(query.Limit).ToListAsync(ct);
        return [.. records.Select(ToEvent)];
    }

    public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        var xids = primaryXids.Distinct(StringComparer.Ordinal).ToList();
        return xids.Count == 0
            ? Task.FromResult(0)
            : db.Set<ExperienceEventRecord>().Where(e => xids.Contains(e.PrimaryXid)).ExecuteDeleteAsync(ct);
    }

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) =>
        db.Set<ExperienceEventRecord>().Where(e => e.DatasetId == datasetId).ExecuteDeleteAsync(ct);

    public Task<int> DeleteBatchAsync(string datasetId, string batchId, CancellationToken ct) =>
        db.Set<ExperienceEventRecord>().Where(e => e.DatasetId == datasetId && e.BatchId == batchId).ExecuteDeleteAsync(ct);

    private static ExperienceEventRecord ToRecord(TenantKey tenant, ExperienceEvent e) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        DatasetId = e.DatasetId,
        EventKey = StoredIdentities.EventKey(e.EventId),
        EventId = e.EventId,
        PrimaryXid = e.PrimaryIdentity.Xid,
        PrimaryNamespace = e.PrimaryIdentity.Namespace,
        PrimaryValue = e.PrimaryIdentity.Value,
        Identities = StoredIdentities.Write(e.Identities),
        Timestamp = StoreTime.Of(e.Timestamp),
        Record = e.RecordJson,
        BatchId = e.BatchId,
        IngestedAt = StoreTime.Of(e.IngestedAt),
    };

    private static ExperienceEvent ToEvent(ExperienceEventRecord r) => ExperienceEvent.Create(
        r.DatasetId,
        r.BatchId,
        new CompositeIdentity(r.PrimaryNamespace, r.PrimaryValue),
        StoredIdentities.Read(r.Identities),
        JsonNode.Parse(r.Record)!.AsObject(),
        r.IngestedAt);
}
