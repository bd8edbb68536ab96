using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>The identity graphs in the platform store (<c>identity_vertices</c>, <c>identity_links</c> with each link's
/// sources), tenant-scoped by the context's query filters.</summary>
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
    /// (25 s for 5,000 records, a dataset DELETE timing out). Key lookups by list are planned as index scans whatever
    /// the statistics say. The links are found by their sources' text (<see cref="StoredLinkSources.DatasetPattern"/>),
    /// a scan of the tenant's links.</remarks>
    public async Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct)
    {
        var pattern = StoredLinkSources.DatasetPattern(datasetId);
        var firstXids = await Links.Where(l => l.Sources.Contains(pattern)).Select(l => l.FirstXid).Distinct().ToListAsync(ct);
        var graphIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in firstXids.Chunk(GraphIdLookupChunk))
        {
            graphIds.UnionWith(await GraphIdsOfAsync([.. chunk], [], ct));
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

        // The clusters left (rows) and the current one (the node's join time); a cluster joined again appears in both,
        // the later time wins.
        var rows = await db.Set<IdentityClusterHistoryRecord>().AsNoTracking().Where(h => list.Contains(h.Xid))
            .Select(h => new { h.Xid, h.GraphId, h.RecordedAt }).ToListAsync(ct);
        var current = await Vertices.Where(v => list.Contains(v.Xid) && v.GraphJoinedAt != null)
            .Select(v => new { v.Xid, v.GraphId, RecordedAt = v.GraphJoinedAt!.Value }).ToListAsync(ct);
        return [.. rows.Concat(current)
            .GroupBy(e => (e.Xid, e.GraphId))
            .Select(g => new ClusterHistoryEntry(g.Key.Xid, g.Key.GraphId, g.Max(e => e.RecordedAt)))];
    }

    public async Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct)
    {
        var tenant = Tenant;
        var xids = Xids(scope);
        var locking = db.Database.IsNpgsql();
        var direct = locking;
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
                        await WriteAsync(tenant, loaded, mutation.Changes, direct, ct);
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
                if (direct && StoreRetry.IsUniqueViolation(ex))
                {
                    direct = false; // a row the reads did not find was there after all: upsert everything this time
                    continue;
                }
            }
            await StoreRetry.BackoffAsync(attempt, ct);
        }
    }

    private static List<string> Xids(IdentityGraphScope scope) => [.. scope.Identities.Select(i => i.Xid).Distinct(StringComparer.Ordinal)];

    /// <summary>Steps 1–5 of the recommended locking; null when a scope identity moved to a graph not locked.</summary>
    private async Task<LoadedGraphs?> LockAndLoadAsync(TenantKey tenant, bool locking, bool nested, List<string> xids, IReadOnlyCollection<string> graphIds, CancellationToken ct)
    {
        var exclusive = locking && await AdvisoryLocks.LockForWriteAsync(db, nested, AdvisoryLocks.IdentityClass, tenant, xids, ct);
        if (exclusive)
        {
            // The sandbox's exclusive lock keeps every other writer out: the graph ids and their nodes cannot move
            // between the two reads, so no graph lock or re-check is needed, and when no scope identity is stored (and
            // no graph was named) there is nothing more to read.
            var found = await GraphIdsOfAsync(xids, graphIds, ct);
            return await WithLinksAsync(found.Count == 0 ? [] : await Vertices.Where(v => found.Contains(v.GraphId)).ToListAsync(ct), ct);
        }

        var graphs = await GraphIdsOfAsync(xids, graphIds, ct);
        if (locking)
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

        var vertices = records.ToDictionary(v => v.Xid, ToVertex, StringComparer.Ordinal);
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
                StoredLinkSources.Read(link.Sources)));
        }

        return new LoadedGraphs(new IdentityGraphState([.. vertices.Values], domainLinks), domainLinks.ToDictionary(l => l.Key), records.ToDictionary(r => r.Xid, StringComparer.Ordinal));
    }

    /// <summary>Writes the changes as a handful of set-based statements: deletes by key lists, then multi-row upserts
    /// (<see cref="BulkUpsert"/>). With <paramref name="direct"/> (PostgreSQL), rows the loaded state does not hold are
    /// appended by a direct COPY and only rows that were loaded are upserted: the loads ran under locks that keep every
    /// other writer of these identities and graphs out, so a node or link they did not find is not stored. A
    /// cluster-history row is new when its graph id is not one of the loaded or scoped graphs (a freshly made id); if a
    /// row was stored after all, the COPY fails with a unique violation and the caller runs the step again without
    /// <paramref name="direct"/>.</summary>
    private async Task WriteAsync(TenantKey tenant, LoadedGraphs loaded, IdentityGraphChanges changes, bool direct, CancellationToken ct)
    {
        // Removed links (their sources go with them); a kept link's changed sources are rewritten with it below.
        var removedLinks = changes.RemovedLinks.Select(k => Pair(k.First.Xid, k.Second.Xid)).ToList();
        if (removedLinks.Count > 0)
        {
            var firsts = changes.RemovedLinks.Select(k => k.First.Xid).Distinct(StringComparer.Ordinal).ToList();
            await db.Set<IdentityLinkRecord>()
                .Where(l => firsts.Contains(l.FirstXid) && removedLinks.Contains(l.FirstXid + "\n" + l.SecondXid))
                .ExecuteDeleteAsync(ct);
        }

        var removedVertices = changes.RemovedVertices.Select(i => i.Xid).ToList();
        if (removedVertices.Count > 0)
        {
            await db.Set<IdentityVertexRecord>().Where(v => removedVertices.Contains(v.Xid)).ExecuteDeleteAsync(ct);
        }

        // Cluster history: a node keeps the time it joined its current graph (graph_joined_at); a row is written for
        // the graph it leaves — moved by a merge or split, or deleted — with the time it had joined that graph.
        var now = StoreTime.Of(_clock.GetUtcNow());
        var joined = changes.ClusterAssignments(loaded.State).Select(v => v.Identity.Xid).ToHashSet(StringComparer.Ordinal);
        var left = changes.UpsertedVertices.Where(v => joined.Contains(v.Identity.Xid)).Select(v => v.Identity)
            .Concat(changes.RemovedVertices)
            .Select(i => loaded.Stored.GetValueOrDefault(i.Xid))
            .Where(r => r?.GraphJoinedAt is not null)
            .Select(r => new IdentityClusterHistoryRecord
            {
                ImsOrg = tenant.ImsOrg,
                Sandbox = tenant.Sandbox,
                Xid = r!.Xid,
                GraphId = r.GraphId,
                RecordedAt = r.GraphJoinedAt!.Value,
            });
        var vertices = changes.UpsertedVertices.Select(v => VertexRecord(tenant, v, joined.Contains(v.Identity.Xid) ? now : loaded.Stored[v.Identity.Xid].GraphJoinedAt));
        var links = changes.UpsertedLinks.Select(l => LinkRecord(tenant, l));
        if (!direct)
        {
            await BulkUpsert.UpsertAsync(db, [.. vertices], ct);
            await BulkUpsert.UpsertAsync(db, [.. links], ct);
            await BulkUpsert.UpsertAsync(db, [.. left], ct);
            return;
        }

        await WriteSplitAsync(vertices, v => loaded.Stored.ContainsKey(v.Xid), ct);
        var loadedLinks = loaded.Links.Keys.Select(k => Pair(k.First.Xid, k.Second.Xid)).ToHashSet(StringComparer.Ordinal);
        await WriteSplitAsync(links, l => loadedLinks.Contains(Pair(l.FirstXid, l.SecondXid)), ct);
        await BulkUpsert.UpsertAsync(db, [.. left], ct);
    }

    /// <summary>Upserts the rows that may be stored, appends the others by direct COPY.</summary>
    private async Task WriteSplitAsync<TRow>(IEnumerable<TRow> rows, Func<TRow, bool> mayBeStored, CancellationToken ct)
        where TRow : class, Domain.Tenancy.ITenantOwned
    {
        var upserted = new List<TRow>();
        var inserted = new List<TRow>();
        foreach (var row in rows)
        {
            (mayBeStored(row) ? upserted : inserted).Add(row);
        }

        await BulkUpsert.InsertAsync(db, inserted, ct);
        await BulkUpsert.UpsertAsync(db, upserted, ct);
    }

    private static string Pair(string first, string second) => first + "\n" + second;

    private static IdentityVertexRecord VertexRecord(TenantKey tenant, IdentityVertex vertex, DateTimeOffset? joinedAt) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Xid = vertex.Identity.Xid,
        Namespace = vertex.Identity.Namespace,
        Value = vertex.Identity.Value,
        IdType = vertex.IdType,
        GraphId = vertex.GraphId,
        LastUpdated = StoreTime.Of(vertex.LastUpdated),
        GraphJoinedAt = joinedAt,
    };

    private static IdentityLinkRecord LinkRecord(TenantKey tenant, IdentityLink link) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        FirstXid = link.Key.First.Xid,
        SecondXid = link.Key.Second.Xid,
        FirstEstablished = StoreTime.Of(link.FirstEstablished),
        LastEstablished = StoreTime.Of(link.LastEstablished),
        Sources = StoredLinkSources.Write(link.Sources.Select(s => s with { At = StoreTime.Of(s.At) })),
    };

    private static IdentityVertex ToVertex(IdentityVertexRecord r) =>
        new(new CompositeIdentity(r.Namespace, r.Value), r.IdType, r.GraphId, r.LastUpdated);

    /// <summary>Complete graphs as loaded: the domain state and the links by key.</summary>
    /// <param name="State">The domain state.</param>
    /// <param name="Links">The loaded links by key.</param>
    /// <param name="Stored">The loaded node rows by XID (their graph join times).</param>
    private sealed record LoadedGraphs(IdentityGraphState State, IReadOnlyDictionary<IdentityLinkKey, IdentityLink> Links, IReadOnlyDictionary<string, IdentityVertexRecord> Stored);
}
