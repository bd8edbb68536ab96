using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Experience events in <c>profile_experience_events</c>, tenant-scoped by the context's query filters.</summary>
/// <remarks>Appending is one multi-row <c>INSERT ... ON CONFLICT (key) DO UPDATE ... WHERE excluded.ingested_at &gt;=
/// ingested_at</c> per chunk (the same statement on PostgreSQL and SQLite): no read first, no lock, and a concurrent
/// writer of the same event simply waits for the row; the latest ingested copy wins. Table, columns and value
/// conversions come from the EF model, so the statement follows the mapping.</remarks>
internal sealed class EfExperienceEventStore(PlatformDbContext db) : IExperienceEventStore
{
    /// <summary>Rows per statement: 13 parameters each stays far below either database's parameter limit.</summary>
    private const int RowsPerStatement = 500;

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
        var upsert = new UpsertStatement(db);
        foreach (var chunk in distinct.Chunk(RowsPerStatement))
        {
            var (sql, parameters) = upsert.For([.. chunk.Select(e => ToRecord(tenant, e))]);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }

        return distinct.Count;
    }

    public async Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct)
    {
        if (query.PrimaryXids.Count == 0 || query.Limit <= 0)
        {
            return [];
        }

        var xids = query.PrimaryXids.Distinct(StringComparer.Ordinal).ToList();
        var events = db.Set<ExperienceEventRecord>().AsNoTracking().Where(e => xids.Contains(e.PrimaryXid));
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

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) =>
        db.Set<ExperienceEventRecord>().Where(e => e.DatasetId == datasetId).ExecuteDeleteAsync(ct);

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

    /// <summary>The multi-row upsert of <see cref="ExperienceEventRecord"/>s, built from the model.</summary>
    private sealed class UpsertStatement
    {
        private readonly IReadOnlyList<IProperty> _properties;
        private readonly string _head;
        private readonly string _tail;

        public UpsertStatement(PlatformDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(ExperienceEventRecord))!;
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

            _properties = [.. entity.GetProperties()];
            var keys = entity.FindPrimaryKey()!.Properties;
            var updated = _properties.Where(p => !keys.Contains(p)).Select(p => $"{Column(p)} = excluded.{Column(p)}");
            var ingested = Column(entity.FindProperty(nameof(ExperienceEventRecord.IngestedAt))!);
            _head = $"INSERT INTO {tableName} ({string.Join(", ", _properties.Select(Column))}) VALUES ";
            _tail = $" ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO UPDATE SET {string.Join(", ", updated)}"
                    + $" WHERE excluded.{ingested} >= {tableName}.{ingested}";
        }

        public (string Sql, object[] Parameters) For(IReadOnlyList<ExperienceEventRecord> rows)
        {
            var text = new StringBuilder(_head);
            var parameters = new object[rows.Count * _properties.Count];
            var n = 0;
            for (var r = 0; r < rows.Count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < _properties.Count; c++)
                {
                    var property = _properties[c];
                    var value = property.PropertyInfo!.GetValue(rows[r]);
                    parameters[n] = (property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    text.Append(c == 0 ? "" : ", ").Append('{').Append(n++).Append('}');
                }

                text.Append(')');
            }

            return (text.Append(_tail).ToString(), parameters);
        }
    }
}
