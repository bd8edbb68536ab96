namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>The reference <see cref="IIdentityGraphStore"/>: one tenant's graphs in memory, with optimistic
/// concurrency — a mutation loads a snapshot without holding the lock, computes, and commits only if none of the
/// graphs it loaded changed and none of its absent identities appeared meanwhile; otherwise it runs again.</summary>
/// <remarks>Used by the domain tests and as the executable specification for the database store. Every graph carries
/// a version, bumped whenever a node or link of it is written; a node moved from one graph to another bumps both.</remarks>
/// <param name="clock">Stamps the cluster history; the system clock by default.</param>
public sealed class InMemoryIdentityGraphStore(TimeProvider? clock = null) : IIdentityGraphStore
{
    private const int MaxAttempts = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<CompositeIdentity, IdentityVertex> _vertices = [];
    private readonly Dictionary<IdentityLinkKey, IdentityLink> _links = [];
    private readonly Dictionary<CompositeIdentity, HashSet<IdentityLinkKey>> _linksOf = [];
    private readonly Dictionary<string, HashSet<CompositeIdentity>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _history = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>How many commits were refused because another writer got there first (each one re-ran its mutation).</summary>
    public int Conflicts { get; private set; }

    /// <summary>Test hook run between a mutation's computation and its commit, to force interleavings.</summary>
    public Func<CancellationToken, Task>? BeforeCommit { get; set; }

    /// <summary>Every node stored, for assertions.</summary>
    public IReadOnlyList<IdentityVertex> AllVertices
    {
        get
        {
            lock (_gate)
            {
                return [.. _vertices.Values];
            }
        }
    }

    /// <summary>Every link stored, for assertions.</summary>
    public IReadOnlyList<IdentityLink> AllLinks
    {
        get
        {
            lock (_gate)
            {
                return [.. _links.Values];
            }
        }
    }

    public Task<IdentityGraphState> LoadAsync(IdentityGraphScope scope, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(TakeSnapshot(scope).State);
        }
    }

    public Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = [.. _links.Values
                .Where(l => l.Sources.Any(s => string.Equals(s.DatasetId, datasetId, StringComparison.Ordinal)))
                .Select(l => _vertices[l.Key.First].GraphId)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
            return Task.FromResult(ids);
        }
    }

    public Task<IReadOnlyList<CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct)
    {
        var wanted = xids.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            IReadOnlyList<CompositeIdentity> found = [.. _vertices.Keys.Where(i => wanted.Contains(i.Xid)).Order(CompositeIdentity.Order)];
            return Task.FromResult(found);
        }
    }

    public Task<IReadOnlyList<ClusterHistoryEntry>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct)
    {
        lock (_gate)
        {
            IReadOnlyList<ClusterHistoryEntry> entries = [.. xids
                .Distinct(StringComparer.Ordinal)
                .Where(_history.ContainsKey)
                .SelectMany(x => _history[x].Select(h => new ClusterHistoryEntry(x, h.Key, h.Value)))];
            return Task.FromResult(entries);
        }
    }

    public async Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            Snapshot snapshot;
            lock (_gate)
            {
                snapshot = TakeSnapshot(scope);
            }

            var mutation = mutate(snapshot.State);
            if (BeforeCommit is { } hook)
            {
                await hook(ct);
            }

            lock (_gate)
            {
                if (IsCurrent(snapshot))
                {
                    Apply(mutation.Changes);
                    RecordHistory(mutation.Changes.ClusterAssignments(snapshot.State));
                    return mutation.Result;
                }

                Conflicts++;
            }

            await Task.Yield();
        }

        throw new InvalidOperationException($"The identity graph mutation lost {MaxAttempts} races in a row.");
    }

    private Snapshot TakeSnapshot(IdentityGraphScope scope)
    {
        var graphIds = new HashSet<string>(scope.GraphIds.Where(_members.ContainsKey), StringComparer.Ordinal);
        var absent = new List<CompositeIdentity>();
        foreach (var identity in scope.Identities)
        {
            if (_vertices.TryGetValue(identity, out var vertex))
            {
                graphIds.Add(vertex.GraphId);
            }
            else
            {
                absent.Add(identity);
            }
        }

        var identities = graphIds.SelectMany(g => _members[g]).ToHashSet();
        var state = new IdentityGraphState(
            [.. identities.Select(i => _vertices[i])],
            [.. identities.SelectMany(i => _linksOf[i]).Distinct().Select(k => _links[k])]);
        var versions = scope.GraphIds.Concat(graphIds).Distinct(StringComparer.Ordinal).ToDictionary(g => g, Version, StringComparer.Ordinal);
        return new Snapshot(state, versions, absent);
    }

    private bool IsCurrent(Snapshot snapshot) =>
        snapshot.Versions.All(v => Version(v.Key) == v.Value) && snapshot.Absent.All(i => !_vertices.ContainsKey(i));

    private long Version(string graphId) => _versions.GetValueOrDefault(graphId);

    private void Apply(IdentityGraphChanges changes)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.RemovedLinks)
        {
            if (_links.Remove(key))
            {
                touched.Add(_vertices[key.First].GraphId);
                touched.Add(_vertices[key.Second].GraphId);
                _linksOf[key.First].Remove(key);
                _linksOf[key.Second].Remove(key);
            }
        }

        foreach (var identity in changes.RemovedVertices)
        {
            if (_vertices.Remove(identity, out var vertex))
            {
                touched.Add(vertex.GraphId);
                Leave(vertex);
                _linksOf.Remove(identity);
            }
        }

        foreach (var vertex in changes.UpsertedVertices)
        {
            if (_vertices.TryGetValue(vertex.Identity, out var before))
            {
                touched.Add(before.GraphId);
                Leave(before);
            }

            _vertices[vertex.Identity] = vertex;
            _linksOf.TryAdd(vertex.Identity, []);
            if (!_members.TryGetValue(vertex.GraphId, out var members))
            {
                members = [];
                _members[vertex.GraphId] = members;
            }

            members.Add(vertex.Identity);
            touched.Add(vertex.GraphId);
        }

        foreach (var link in changes.UpsertedLinks)
        {
            if (!_vertices.TryGetValue(link.Key.First, out var first) || !_vertices.TryGetValue(link.Key.Second, out var second))
            {
                throw new InvalidOperationException($"Link {link.Key.First} - {link.Key.Second} names an identity that is not stored.");
            }

            _links[link.Key] = link;
            _linksOf[link.Key.First].Add(link.Key);
            _linksOf[link.Key.Second].Add(link.Key);
            touched.Add(first.GraphId);
            touched.Add(second.GraphId);
        }

        foreach (var graphId in touched)
        {
            _versions[graphId] = Version(graphId) + 1;
        }
    }

    private void RecordHistory(IEnumerable<IdentityVertex> assignments)
    {
        var now = _clock.GetUtcNow();
        foreach (var vertex in assignments)
        {
            if (!_history.TryGetValue(vertex.Identity.Xid, out var clusters))
            {
                clusters = new(StringComparer.Ordinal);
                _history[vertex.Identity.Xid] = clusters;
            }

            clusters[vertex.GraphId] = now;
        }
    }

    private void Leave(IdentityVertex vertex)
    {
        if (_members.TryGetValue(vertex.GraphId, out var members))
        {
            members.Remove(vertex.Identity);
            if (members.Count == 0)
            {
                _members.Remove(vertex.GraphId);
            }
        }
    }

    private sealed record Snapshot(IdentityGraphState State, IReadOnlyDictionary<string, long> Versions, IReadOnlyList<CompositeIdentity> Absent);
}
