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
/// </remarks>
internal sealed class EfIdentityGraphStore(PlatformDbContext db) : IIdentityGraphStore
{
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

    public async Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct) =>
        await (from s in Sources
               where s.DatasetId == datasetId
               join v in Vertices on s.FirstXid equals v.Xid
               select v.GraphId)
            .Distinct()
            .OrderBy(g => g)
            .ToListAsync(ct);

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
                var loaded = await LockAndLoadAsync(tenant, locking, xids, scope.GraphIds, ct);
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
            catch (Exception ex) when (attempt < StoreRetry.MaxAttempts && StoreRetry.IsRetryable(ex))
            {
                await unit.RollbackAsync(ct);
            }
            finally
            {
                Detach();
            }

            await StoreRetry.BackoffAsync(attempt, ct);
        }
    }

    private static List<string> Xids(IdentityGraphScope scope) => [.. scope.Identities.Select(i => i.Xid).Distinct(StringComparer.Ordinal)];

    /// <summary>Steps 1–5 of the recommended locking; null when a scope identity moved to a graph not locked.</summary>
    private async Task<LoadedGraphs?> LockAndLoadAsync(TenantKey tenant, bool locking, List<string> xids, IReadOnlyCollection<string> graphIds, CancellationToken ct)
    {
        if (locking)
        {
            await AdvisoryLocks.LockAsync(db, AdvisoryLocks.IdentityClass, tenant, xids, ct);
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
        var byXid = records.ToDictionary(v => v.Xid, StringComparer.Ordinal);
        var vertexXids = byXid.Keys.ToList();
        var links = vertexXids.Count == 0 ? [] : await Links.Where(l => vertexXids.Contains(l.FirstXid)).ToListAsync(ct);
        var sources = vertexXids.Count == 0 ? [] : await Sources.Where(s => vertexXids.Contains(s.FirstXid)).ToListAsync(ct);

        var vertices = byXid.ToDictionary(kv => kv.Key, kv => ToVertex(kv.Value), StringComparer.Ordinal);
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

        return new LoadedGraphs(new IdentityGraphState([.. vertices.Values], domainLinks), byXid, domainLinks.ToDictionary(l => l.Key));
    }

    private async Task WriteAsync(TenantKey tenant, LoadedGraphs loaded, IdentityGraphChanges changes, CancellationToken ct)
    {
        foreach (var key in changes.RemovedLinks)
        {
            db.Remove(LinkRecord(tenant, key, default, default));
            foreach (var source in loaded.Links.TryGetValue(key, out var before) ? before.Sources : [])
            {
                db.Remove(SourceRecord(tenant, key, source));
            }
        }

        foreach (var identity in changes.RemovedVertices)
        {
            db.Remove(new IdentityVertexRecord { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Xid = identity.Xid });
        }

        foreach (var vertex in changes.UpsertedVertices)
        {
            var record = new IdentityVertexRecord
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
            if (loaded.Records.ContainsKey(record.Xid))
            {
                db.Update(record);
            }
            else
            {
                db.Add(record);
            }
        }

        foreach (var link in changes.UpsertedLinks)
        {
            var record = LinkRecord(tenant, link.Key, link.FirstEstablished, link.LastEstablished);
            var before = loaded.Links.GetValueOrDefault(link.Key);
            if (before is null)
            {
                db.Add(record);
            }
            else
            {
                db.Update(record);
            }

            WriteSources(tenant, link, before?.Sources ?? []);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds, refreshes and deletes a link's (dataset, batch) rows to match <paramref name="link"/>.</summary>
    private void WriteSources(TenantKey tenant, IdentityLink link, IReadOnlyList<LinkSource> before)
    {
        var old = before.ToDictionary(s => (s.DatasetId, s.BatchId));
        foreach (var source in link.Sources)
        {
            if (!old.Remove((source.DatasetId, source.BatchId), out var previous))
            {
                db.Add(SourceRecord(tenant, link.Key, source));
            }
            else if (previous.At != source.At)
            {
                db.Update(SourceRecord(tenant, link.Key, source));
            }
        }

        foreach (var gone in old.Values)
        {
            db.Remove(SourceRecord(tenant, link.Key, gone));
        }
    }

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

    /// <summary>Forgets the rows this store attached, written or not, so the next operation on the scope's context
    /// starts clean.</summary>
    private void Detach()
    {
        foreach (var entry in db.ChangeTracker.Entries()
                     .Where(e => e.Entity is IdentityVertexRecord or IdentityLinkRecord or IdentityLinkSourceRecord)
                     .ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Complete graphs as loaded: the domain state, the rows by XID and the links by key.</summary>
    private sealed record LoadedGraphs(
        IdentityGraphState State,
        IReadOnlyDictionary<string, IdentityVertexRecord> Records,
        IReadOnlyDictionary<IdentityLinkKey, IdentityLink> Links);
}
