using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>The identity graphs in the platform store (<c>identity_vertices</c>, <c>identity_links</c>,
/// <c>identity_link_sources</c>), tenant-scoped by the context's query filters.</summary>
/// <remarks>
/// <para><see cref="MutateAsync{T}"/> follows docs/identity-graph.md. PostgreSQL, READ COMMITTED: advisory locks on
/// the scope's identities (sorted), read their graph ids, advisory locks on those graphs (sorted), load every node of
/// those graphs plus the scope's identities — if a scope identity has meanwhile moved to a graph not locked (a merge
/// or split committed while this writer waited), start again — then the pure mutation, the writes, commit. Deadlocks,
/// serialization failures and unique violations run the whole step again. SQLite: the same inside
/// <c>BEGIN IMMEDIATE</c>, which already lets one writer at a time in, so no locks and no re-check are needed.</para>
/// <para>Inside a caller's transaction (dataset deletion, batch ingestion) the step runs behind a savepoint; its
/// locks are then held until the caller's transaction ends.</para>
/// <para>Writes are set-based: deletes by key lists and multi-row upserts (<see cref="BulkUpsert"/>), a handful of
/// statements per mutation whatever its size.</para>
/// </remarks>
/// <param name="db">The unit of work's context.</param>
/// <param name="clock">Stamps the cluster history; the system clock unless the host registers another.</param>
internal sealed class EfIdentityGraphStore(PlatformDbContext db, TimeProvider? clock = null) : IIdentityGraphStore
{
    /// <summary>XIDs per key-list query: SQLite gets each as its own parameter, at most 32,766 per statement.</summary>
    private const int GraphIdLookupChunk = 10_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private IQueryable<IdentityVertexRecord> Vertices => db.Set<IdentityVertexRecord>().AsNoTracking();

    private IQueryable<IdentityLinkRecord> Links => db.Set<IdentityLinkRecord>().AsNoTracking();

    private IQueryable<IdentityLinkSourceRecord> Sources => db.Set<IdentityLinkSourceRecord>().AsNoTracking();

    private TenantKey Tenant => db.Tenancy?.Tenant ?? throw new InvalidOperationException("The identity graph store needs the unit of work's organization and sandbox.");

    public async Task<IdentityGraphState> LoadAsync(IdentityGraphScope scope, CancellationToken ct)
    {
        await using var unit = await StoreUnit.BeginReadAsync(db, ct);
        var xids = Xids(scope);
        var graphIds = await GraphIdsOfAsync(xids, scope.GraphIds, ct);
        var loaded = await WithLinksAsync(await VerticesOfAsync(graphIds, xids, ct), ct);
        await unit.CommitAsync(ct);
        return loaded.State;
    }

    /// <remarks>Two steps, not one join: right after a large batch the tables' statistics still describe them as
    /// empty, and PostgreSQL then planned the join as a nested loop scanning the whole tenant's vertices per link
    /// source (25 s for 5,000 records, a dataset DELETE timing out). Key lookups by list are planned as index scans
    /// whatever the statistics say.</remarks>
    public async Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct)
    {
        var firstXids = await Sources.Where(s => s.DatasetId == datasetId).Select(s => s.FirstXid).Distinct().ToListAsync(ct);
        var graphIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in firstXids.Chunk(GraphIdLookupChunk))
        {
            var xids = chunk.ToList();
            graphIds.UnionWith(await Vertices.Where(v => xids.Contains(v.Xid)).Select(v => v.GraphId).Distinct().ToListAsync(ct));
        }

        return [.. graphIds.Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct)
    {
        var list = xids.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var rows = await Vertices.Where(v => list.Contains(v.Xid)).Select(v => new { v.Namespace, v.Value }).ToListAsync(ct);
        return [.. rows.Select(r => new CompositeIdentity(r.Namespace, r.Value)).Order(CompositeIdentity.Order)];
    }

    public async Task<IReadOnlyList<ClusterHistoryEntry>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct)
    {
        var list = xids.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<IdentityClusterHistoryRecord>().AsNoTracking().Where(h => list.Contains(h.Xid)).ToListAsync(ct);
        return [.. rows.Select(r => new ClusterHistoryEntry(r.Xid, r.GraphId, r.RecordedAt))];
    }

    public async Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct)
    {
        var tenant = Tenant;
        var xids = Xids(scope);
        var locking = db.Database.IsNpgsql();
        for (var attempt = 1; ; attempt++)
        {
            await using var unit = await StoreUnit.BeginWriteAsync(db, ct);
            try
            {
                var loaded = await LockAndLoadAsync(tenant, locking, unit.IsNested, xids, scope.GraphIds, ct);
                if (loaded is not null)
                {
                    var mutation = mutate(loaded.State);
                    if (!mutation.Changes.IsEmpty)
                    {
                        await WriteAsync(tenant, loaded, mutation.Changes, ct);
                    }

                    await unit.CommitAsync(ct);
                    return mutation.Result;
                }

                await unit.RollbackAsync(ct);
                if (attempt >= StoreRetry.MaxAttempts)
                {
                    throw new InvalidOperationException($"The identity graphs of this operation kept moving under it: {attempt} attempts.");
                }
            }
            catch (Exception ex) when (attempt < StoreRetry.MaxAttempts && StoreRetry.IsRetryable(ex, unit.IsNested))
            {
                await unit.RollbackAsync(ct);
            }
            await StoreRetry.BackoffAsync(attempt, ct);
        }
    }

    private static List<string> Xids(IdentityGraphScope scope) => [.. scope.Identities.Select(i => i.Xid).Distinct(StringComparer.Ordinal)];

    /// <summary>Steps 1–5 of the recommended locking; null when a scope identity moved to a graph not locked.</summary>
    private async Task<LoadedGraphs?> LockAndLoadAsync(TenantKey tenant, bool locking, bool nested, List<string> xids, IReadOnlyCollection<string> graphIds, CancellationToken ct)
    {
        if (locking)
        {
            await AdvisoryLocks.LockForWriteAsync(db, nested, AdvisoryLocks.IdentityClass, tenant, xids, ct);
        }

        var graphs = await GraphIdsOfAsync(xids, graphIds, ct);
        if (locking && !nested)
        {
            await AdvisoryLocks.LockAsync(db, AdvisoryLocks.GraphClass, tenant, graphs, ct);
        }

        var vertices = await VerticesOfAsync(graphs, xids, ct);
        var locked = graphs.ToHashSet(StringComparer.Ordinal);
        return vertices.All(v => locked.Contains(v.GraphId)) ? await WithLinksAsync(vertices, ct) : null;
    }

    private async Task<List<string>> GraphIdsOfAsync(List<string> xids, IReadOnlyCollection<string> graphIds, CancellationToken ct)
    {
        var found = xids.Count == 0
            ? []
            : await Vertices.Where(v => xids.Contains(v.Xid)).Select(v => v.GraphId).Distinct().ToListAsync(ct);
        return [.. found.Concat(graphIds).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every node of <paramref name="graphIds"/> and the nodes of <paramref name="xids"/>.</summary>
    private async Task<List<IdentityVertexRecord>> VerticesOfAsync(List<string> graphIds, List<string> xids, CancellationToken ct) =>
        graphIds.Count == 0 && xids.Count == 0
            ? []
            : await Vertices.Where(v => graphIds.Contains(v.GraphId) || xids.Contains(v.Xid)).ToListAsync(ct);

    /// <summary>Complete graphs: the nodes of whole graphs with all their links.</summary>
    private async Task<LoadedGraphs> WithLinksAsync(List<IdentityVertexRecord> records, CancellationToken ct)
    {
        var vertexXids = records.Select(v => v.Xid).ToList();
        var links = vertexXids.Count == 0 ? [] : await Links.Where(l => vertexXids.Contains(l.FirstXid)).ToListAsync(ct);
        var sources = vertexXids.Count == 0 ? [] : await Sources.Where(s => vertexXids.Contains(s.FirstXid)).ToListAsync(ct);

        var vertices = records.ToDictionary(v => v.Xid, ToVertex, StringComparer.Ordinal);
        var sourcesOf = sources.ToLookup(s => (s.FirstXid, s.SecondXid));
        var domainLinks = new List<IdentityLink>(links.Count);
        foreach (var link in links)
        {
            if (!vertices.TryGetValue(link.SecondXid, out var second))
            {
                throw new InvalidOperationException($"Identity link {link.FirstXid} - {link.SecondXid} crosses graphs: the store is inconsistent.");
            }

            domainLinks.Add(new IdentityLink(
                IdentityLinkKey.Of(vertices[link.FirstXid].Identity, second.Identity),
                link.FirstEstablished,
                link.LastEstablished,
                [.. sourcesOf[(link.FirstXid, link.SecondXid)]
                    .Select(s => new LinkSource(s.DatasetId, s.BatchId, s.At))
                    .OrderBy(s => s.DatasetId, StringComparer.Ordinal)
                    .ThenBy(s => s.BatchId, StringComparer.Ordinal)]));
        }

        return new LoadedGraphs(new IdentityGraphState([.. vertices.Values], domainLinks), domainLinks.ToDictionary(l => l.Key));
    }

    /// <summary>Writes the changes as a handful of set-based statements: deletes by key lists, then multi-row upserts
    /// (<see cref="BulkUpsert"/>).</summary>
    private async Task WriteAsync(TenantKey tenant, LoadedGraphs loaded, IdentityGraphChanges changes, CancellationToken ct)
    {
        // Removed links with all their sources, then sources a kept link lost.
        var removedLinks = changes.RemovedLinks.Select(k => Pair(k.First.Xid, k.Second.Xid)).ToList();
        if (removedLinks.Count > 0)
        {
            var firsts = changes.RemovedLinks.Select(k => k.First.Xid).Distinct(StringComparer.Ordinal).ToList();
            await db.Set<IdentityLinkSourceRecord>()
                .Where(s => firsts.Contains(s.FirstXid) && removedLinks.Contains(s.FirstXid + "\n" + s.SecondXid))
                .ExecuteDeleteAsync(ct);
            await db.Set<IdentityLinkRecord>()
                .Where(l => firsts.Contains(l.FirstXid) && removedLinks.Contains(l.FirstXid + "\n" + l.SecondXid))
                .ExecuteDeleteAsync(ct);
        }

        var sources = SourceChanges(tenant, loaded, changes.UpsertedLinks);
        if (sources.Removed.Count > 0)
        {
            var firsts = sources.Removed.Select(s => s.FirstXid).Distinct(StringComparer.Ordinal).ToList();
            var keys = sources.Removed.Select(s => SourceKey(s.FirstXid, s.SecondXid, s.DatasetId, s.BatchId)).ToList();
            await db.Set<IdentityLinkSourceRecord>()
                .Where(s => firsts.Contains(s.FirstXid) && keys.Contains(s.FirstXid + "\n" + s.SecondXid + "\n" + s.DatasetId + "\n" + s.BatchId))
                .ExecuteDeleteAsync(ct);
        }

        var removedVertices = changes.RemovedVertices.Select(i => i.Xid).ToList();
        if (removedVertices.Count > 0)
        {
            await db.Set<IdentityVertexRecord>().Where(v => removedVertices.Contains(v.Xid)).ExecuteDeleteAsync(ct);
        }

        await BulkUpsert.UpsertAsync(db, [.. changes.UpsertedVertices.Select(v => VertexRecord(tenant, v))], ct);
        await BulkUpsert.UpsertAsync(db, [.. changes.UpsertedLinks.Select(l => LinkRecord(tenant, l.Key, l.FirstEstablished, l.LastEstablished))], ct);
        await BulkUpsert.UpsertAsync(db, sources.Written, ct);

        var now = StoreTime.Of(_clock.GetUtcNow());
        await BulkUpsert.UpsertAsync(db, [.. changes.ClusterAssignments(loaded.State).Select(v => new IdentityClusterHistoryRecord
        {
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            Xid = v.Identity.Xid,
            GraphId = v.GraphId,
            RecordedAt = now,
        })], ct);
    }

    /// <summary>The (dataset, batch) rows to write and to delete so that each upserted link's sources match it.</summary>
    private static (List<IdentityLinkSourceRecord> Written, List<IdentityLinkSourceRecord> Removed) SourceChanges(
        TenantKey tenant, LoadedGraphs loaded, IReadOnlyList<IdentityLink> links)
    {
        var written = new List<IdentityLinkSourceRecord>();
        var removed = new List<IdentityLinkSourceRecord>();
        foreach (var link in links)
        {
            var old = (loaded.Links.GetValueOrDefault(link.Key)?.Sources ?? []).ToDictionary(s => (s.DatasetId, s.BatchId));
            foreach (var source in link.Sources)
            {
                if (!old.Remove((source.DatasetId, source.BatchId), out var previous) || previous.At != source.At)
                {
                    written.Add(SourceRecord(tenant, link.Key, source));
                }
            }

            removed.AddRange(old.Values.Select(gone => SourceRecord(tenant, link.Key, gone)));
        }

        return (written, removed);
    }

    private static string Pair(string first, string second) => first + "\n" + second;

    private static string SourceKey(string first, string second, string dataset, string batch) => first + "\n" + second + "\n" + dataset + "\n" + batch;

    private static IdentityVertexRecord VertexRecord(TenantKey tenant, IdentityVertex vertex) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Xid = vertex.Identity.Xid,
        Namespace = vertex.Identity.Namespace,
        Value = vertex.Identity.Value,
        IdType = vertex.IdType,
        GraphId = vertex.GraphId,
        LastUpdated = StoreTime.Of(vertex.LastUpdated),
    };

    private static IdentityLinkRecord LinkRecord(TenantKey tenant, IdentityLinkKey key, DateTimeOffset first, DateTimeOffset last) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        FirstXid = key.First.Xid,
        SecondXid = key.Second.Xid,
        FirstEstablished = StoreTime.Of(first),
        LastEstablished = StoreTime.Of(last),
    };

    private static IdentityLinkSourceRecord SourceRecord(TenantKey tenant, IdentityLinkKey key, LinkSource source) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        FirstXid = key.First.Xid,
        SecondXid = key.Second.Xid,
        DatasetId = source.DatasetId,
        BatchId = source.BatchId,
        At = StoreTime.Of(source.At),
    };

    private static IdentityVertex ToVertex(IdentityVertexRecord r) =>
        new(new CompositeIdentity(r.Namespace, r.Value), r.IdType, r.GraphId, r.LastUpdated);

    /// <summary>Complete graphs as loaded: the domain state and the links by key.</summary>
    private sealed record LoadedGraphs(IdentityGraphState State, IReadOnlyDictionary<IdentityLinkKey, IdentityLink> Links);
}
