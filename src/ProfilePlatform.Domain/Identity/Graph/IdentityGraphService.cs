namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>The identity graph operations ingestion and the Identity/Profile APIs call: each runs the pure
/// <see cref="IdentityGraph"/> logic inside one <see cref="IIdentityGraphStore.MutateAsync{T}"/>.</summary>
/// <param name="store">The tenant's graph store.</param>
/// <param name="newGraphId">Makes new graph ids; time-ordered UUIDs (version 7) by default: AEP's cluster ids are
/// UUIDs, and ids that grow with time append at the right edge of the store's graph-id index instead of landing at a
/// random page of it for every new graph.</param>
/// <param name="maxIdentitiesPerGraph">The cap, 50 unless a test wants a smaller one.</param>
public sealed class IdentityGraphService(
    IIdentityGraphStore store,
    Func<string>? newGraphId = null,
    int maxIdentitiesPerGraph = IdentityGuardrails.MaxIdentitiesPerGraph)
{
    /// <summary>How many graphs one dataset-deletion step rewrites at a time.</summary>
    private const int DeletionChunk = 100;

    private readonly Func<string> _newGraphId = newGraphId ?? (() => Guid.CreateVersion7().ToString());

    /// <summary>Links one record's identities. Records with fewer than two linkable identities never reach the store.</summary>
    public async Task<LinkOutcome> LinkAsync(IdentityLinkRequest request, CancellationToken ct) =>
        (await LinkAsync([request], ct))[0];

    /// <summary>Links several records' identities in one atomic step (a chunk of a batch), in the given order.</summary>
    public async Task<IReadOnlyList<LinkOutcome>> LinkAsync(IReadOnlyList<IdentityLinkRequest> requests, CancellationToken ct)
    {
        var linking = requests.Where(r => LinkableCount(r) >= 2).ToList();
        if (linking.Count == 0)
        {
            return [.. requests.Select(_ => LinkOutcome.NotLinked)];
        }

        var scope = IdentityGraphScope.Of(linking.SelectMany(r => r.Identities).Select(i => i.Identity));
        return await store.MutateAsync(scope, state =>
        {
            var graph = NewGraph(state);
            IReadOnlyList<LinkOutcome> outcomes = [.. requests.Select(r => graph.Link(r.Identities, r.Source))];
            return new IdentityGraphMutation<IReadOnlyList<LinkOutcome>>(graph.Changes(), outcomes);
        }, ct);
    }

    /// <summary>The graph <paramref name="identity"/> belongs to, or null when it is linked to nothing.</summary>
    public async Task<IdentityGraphView?> FindGraphAsync(CompositeIdentity identity, CancellationToken ct) =>
        NewGraph(await store.LoadAsync(IdentityGraphScope.Of([identity]), ct)).ViewOf(identity);

    /// <summary>The graphs of several identities read in one snapshot: each identity that is in a graph maps to its
    /// graph (identities of one graph share the view); identities linked to nothing are absent.</summary>
    public async Task<IReadOnlyDictionary<CompositeIdentity, IdentityGraphView>> FindGraphsAsync(IReadOnlyCollection<CompositeIdentity> identities, CancellationToken ct)
    {
        if (identities.Count == 0)
        {
            return new Dictionary<CompositeIdentity, IdentityGraphView>();
        }

        var graph = NewGraph(await store.LoadAsync(IdentityGraphScope.Of(identities), ct));
        var views = new Dictionary<CompositeIdentity, IdentityGraphView>();
        foreach (var identity in identities.Distinct())
        {
            if (views.ContainsKey(identity))
            {
                continue;
            }

            if (graph.ViewOf(identity) is { } view)
            {
                foreach (var member in view.Members)
                {
                    views[member] = view;
                }
            }
        }

        return identities.Distinct().Where(views.ContainsKey).ToDictionary(i => i, i => views[i]);
    }

    /// <summary>The stored identities behind these XIDs, by XID; an XID of no stored identity is absent.</summary>
    public async Task<IReadOnlyDictionary<string, CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct) =>
        xids.Count == 0
            ? new Dictionary<string, CompositeIdentity>(StringComparer.Ordinal)
            : (await store.FindByXidsAsync([.. xids.Distinct(StringComparer.Ordinal)], ct)).ToDictionary(i => i.Xid, StringComparer.Ordinal);

    /// <summary>The clusters each XID's identity belonged to, newest first (help/identity-service/api/list-cluster-history.md);
    /// an XID with no history maps to an empty list.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ClusterHistoryEntry>>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct)
    {
        var entries = xids.Count == 0 ? [] : await store.ClusterHistoryAsync([.. xids.Distinct(StringComparer.Ordinal)], ct);
        var byXid = entries.ToLookup(e => e.Xid, StringComparer.Ordinal);
        return xids.Distinct(StringComparer.Ordinal).ToDictionary(
            x => x,
            x => (IReadOnlyList<ClusterHistoryEntry>)[.. byXid[x].OrderByDescending(e => e.RecordedAt).ThenBy(e => e.ClusterId, StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    /// <summary>The identities related to <paramref name="identity"/>, itself included (what a <c>pdg</c> merge
    /// policy stitches); just the identity itself when it is in no graph.</summary>
    public async Task<IReadOnlyList<CompositeIdentity>> RelatedIdentitiesAsync(CompositeIdentity identity, CancellationToken ct) =>
        (await FindGraphAsync(identity, ct))?.Members ?? [identity];

    /// <summary>Removes the links a deleted dataset established (help/identity-service/features/deletion.md), graph by
    /// graph, until no link names the dataset.</summary>
    /// <returns>How many links were deleted.</returns>
    public async Task<int> RemoveDatasetAsync(string datasetId, CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var graphIds = await store.GraphIdsLinkedByDatasetAsync(datasetId, ct);
            if (graphIds.Count == 0)
            {
                return removed;
            }

            foreach (var chunk in graphIds.Chunk(DeletionChunk))
            {
                removed += await store.MutateAsync(IdentityGraphScope.OfGraphs(chunk), state =>
                {
                    var graph = NewGraph(state);
                    var count = graph.RemoveDataset(datasetId);
                    return new IdentityGraphMutation<int>(graph.Changes(), count);
                }, ct);
            }
        }
    }

    /// <summary>Removes the links one batch of <paramref name="datasetId"/> established (a batch revert): the graphs the
    /// dataset links are rewritten chunk by chunk, pass after pass, until a pass removes nothing (a concurrent merge can
    /// rename a graph between the listing and the rewrite).</summary>
    /// <returns>How many links were deleted.</returns>
    public async Task<int> RemoveBatchAsync(string datasetId, string batchId, CancellationToken ct)
    {
        var removed = 0;
        while (true)
        {
            var pass = 0;
            foreach (var chunk in (await store.GraphIdsLinkedByDatasetAsync(datasetId, ct)).Chunk(DeletionChunk))
            {
                pass += await store.MutateAsync(IdentityGraphScope.OfGraphs(chunk), state =>
                {
                    var graph = NewGraph(state);
                    var count = graph.RemoveBatch(batchId);
                    return new IdentityGraphMutation<int>(graph.Changes(), count);
                }, ct);
            }

            removed += pass;
            if (pass == 0)
            {
                return removed;
            }
        }
    }

    /// <summary>Deletes one identity and its links from its graph (a privacy or single-identity deletion).</summary>
    public Task<bool> DeleteIdentityAsync(CompositeIdentity identity, CancellationToken ct) =>
        store.MutateAsync(IdentityGraphScope.Of([identity]), state =>
        {
            var graph = NewGraph(state);
            var deleted = graph.DeleteIdentity(identity);
            return new IdentityGraphMutation<bool>(graph.Changes(), deleted);
        }, ct);

    private IdentityGraph NewGraph(IdentityGraphState state) => new(state, _newGraphId, maxIdentitiesPerGraph);

    private static int LinkableCount(IdentityLinkRequest request)
    {
        var distinct = new List<CompositeIdentity>(request.Identities.Count);
        foreach (var identity in request.Identities)
        {
            if (IdentityTypes.IsLinkable(identity.IdType) && !distinct.Contains(identity.Identity))
            {
                distinct.Add(identity.Identity);
            }
        }

        return distinct.Count;
    }
}
