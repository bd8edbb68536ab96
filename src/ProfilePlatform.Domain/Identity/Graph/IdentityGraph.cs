namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>The identity graph logic, as pure code over a working copy of complete graphs
/// (<see cref="IdentityGraphState"/>): link a record's identities, enforce the 50-identity cap, remove a dataset's
/// links, delete an identity; <see cref="Changes"/> then says what the store must write.</summary>
/// <remarks>
/// <para>Model (help/identity-service/features/identity-linking-logic.md): identities that appear in the same record
/// are linked pairwise; a graph is a connected component of those links, so graphs that come to share an identity
/// become one (union-find semantics, computed here by traversal over the links, which also lets deletions split
/// graphs). An identity without any link is not stored (help/identity-service/features/deletion.md: "Identities without
/// a single linkage to another identity are not stored in Identity Service").</para>
/// <para>Cap (help/identity-service/guardrails.md, "Understanding the deletion logic when an identity graph at capacity
/// is updated"): when linking leaves the record's graph with more than 50 identities, Identity Service deletes the
/// identity to drop — first by identity type (Partner, then Cookie, then Device, then Cross-device/Email/Phone), then
/// the oldest timestamp within that type, then (the doc's tie rule) by XID — together with all its links, and
/// repeats until the graph fits. The identities of the record being linked are never the ones deleted ("deletes the
/// oldest identity to make space for the newest"). Deleting an identity can split what remains; each piece becomes a
/// graph of its own. When two graphs merge past 50 the same rule runs as often as needed [unverified: the doc only
/// describes one new identity arriving in a full graph].</para>
/// <para>Graph ids: after every operation each component gets an id. A component whose nodes already carry ids keeps
/// the ordinal-smallest of them not taken by a larger component (so a merge keeps the smaller id and a split leaves
/// the old id with the largest piece); components without one get a new id.</para>
/// </remarks>
public sealed class IdentityGraph
{
    private readonly Dictionary<CompositeIdentity, IdentityVertex> _initialVertices;
    private readonly Dictionary<IdentityLinkKey, IdentityLink> _initialLinks;
    private readonly Dictionary<CompositeIdentity, IdentityVertex> _vertices;
    private readonly Dictionary<IdentityLinkKey, IdentityLink> _links;
    private readonly Dictionary<CompositeIdentity, HashSet<CompositeIdentity>> _neighbours = [];

    /// <summary>Identities whose component may have changed since graph ids were last assigned: the record's
    /// identities and both ends of every removed link. Only their components can merge, split or lose a node, so only
    /// they are re-examined — a segment's working copy holds many graphs, and re-walking all of them for every record
    /// made linking quadratic in the segment size.</summary>
    private readonly HashSet<CompositeIdentity> _dirty = [];
    private readonly Func<string> _newGraphId;

    /// <param name="state">Complete graphs: every link's two identities must be among the vertices.</param>
    /// <param name="newGraphId">Makes the id of a new graph (a UUID in production, a counter in tests).</param>
    /// <param name="maxIdentitiesPerGraph">The cap; AEP's is 50.</param>
    public IdentityGraph(IdentityGraphState state, Func<string> newGraphId, int maxIdentitiesPerGraph = IdentityGuardrails.MaxIdentitiesPerGraph)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdentitiesPerGraph, 2);
        _newGraphId = newGraphId;
        MaxIdentitiesPerGraph = maxIdentitiesPerGraph;
        _initialVertices = state.Vertices.ToDictionary(v => v.Identity);
        _initialLinks = state.Links.ToDictionary(l => l.Key);
        _vertices = new(_initialVertices);
        _links = [];
        foreach (var link in state.Links)
        {
            if (!_vertices.ContainsKey(link.Key.First) || !_vertices.ContainsKey(link.Key.Second))
            {
                throw new ArgumentException($"The state is not a complete graph: link {link.Key.First} - {link.Key.Second} names an identity that is not loaded.", nameof(state));
            }

            AddLink(link);
        }

        foreach (var vertex in _vertices.Keys)
        {
            _neighbours.TryAdd(vertex, []);
        }
    }

    public int MaxIdentitiesPerGraph { get; }

    /// <summary>The nodes as they are now.</summary>
    public IReadOnlyCollection<IdentityVertex> Vertices => _vertices.Values;

    /// <summary>The links as they are now.</summary>
    public IReadOnlyCollection<IdentityLink> Links => _links.Values;

    /// <summary>Links every pair of the record's linkable identities (non-people identifiers are left out) and
    /// enforces the cap on the graph that results.</summary>
    /// <param name="identities">The record's identities; fewer than two linkable ones change nothing.</param>
    /// <param name="source">The record's dataset, batch and ingestion time.</param>
    public LinkOutcome Link(IEnumerable<GraphIdentity> identities, LinkSource source)
    {
        var members = new List<GraphIdentity>(4);
        foreach (var identity in identities)
        {
            if (IdentityTypes.IsLinkable(identity.IdType) && !members.Exists(m => m.Identity.Equals(identity.Identity)))
            {
                members.Add(identity);
            }
        }

        if (members.Count < 2)
        {
            return LinkOutcome.NotLinked;
        }

        foreach (var member in members)
        {
            _vertices[member.Identity] = _vertices.TryGetValue(member.Identity, out var vertex)
                ? vertex with { IdType = member.IdType, LastUpdated = vertex.LastUpdated > source.At ? vertex.LastUpdated : source.At }
                : new IdentityVertex(member.Identity, member.IdType, string.Empty, source.At);
            _neighbours.TryAdd(member.Identity, []);
            _dirty.Add(member.Identity);
        }

        for (var i = 0; i < members.Count; i++)
        {
            for (var j = i + 1; j < members.Count; j++)
            {
                var key = IdentityLinkKey.Of(members[i].Identity, members[j].Identity);
                AddLink(_links.TryGetValue(key, out var link) ? link.EstablishedBy(source) : IdentityLink.Establish(key, source));
            }
        }

        var start = members[0].Identity;
        var component = Component(start);
        List<CompositeIdentity> evicted = [];
        if (component.Count > MaxIdentitiesPerGraph)
        {
            evicted = EnforceCap(start, [.. members.Select(m => m.Identity)]);
            component = null;
        }

        RemoveIsolated();
        AssignGraphIds(component);
        component ??= Component(start);
        var sorted = new List<CompositeIdentity>(component);
        sorted.Sort(CompositeIdentity.Order);
        return new LinkOutcome(true, _vertices[start].GraphId, sorted, evicted);
    }

    /// <summary>Removes <paramref name="datasetId"/> from every link's provenance; links no other dataset supports
    /// disappear, and so do identities left without links (graphs may split or vanish).</summary>
    /// <returns>How many links were deleted.</returns>
    public int RemoveDataset(string datasetId) =>
        RemoveSources(s => string.Equals(s.DatasetId, datasetId, StringComparison.Ordinal));

    /// <summary>Removes one batch from every link's provenance, as <see cref="RemoveDataset"/> does for a dataset.</summary>
    public int RemoveBatch(string batchId) =>
        RemoveSources(s => string.Equals(s.BatchId, batchId, StringComparison.Ordinal));

    /// <summary>Deletes an identity and all its links (a single identity deletion); its former neighbours stay linked
    /// to each other only through other links.</summary>
    /// <returns>False when the identity is not in the graph.</returns>
    public bool DeleteIdentity(CompositeIdentity identity)
    {
        if (!_vertices.ContainsKey(identity))
        {
            return false;
        }

        RemoveVertex(identity);
        RemoveIsolated();
        AssignGraphIds();
        return true;
    }

    /// <summary>The identities of the graph <paramref name="identity"/> is in, sorted; empty when it is in none.</summary>
    public IReadOnlyList<CompositeIdentity> GraphOf(CompositeIdentity identity) =>
        _vertices.ContainsKey(identity) ? [.. Component(identity).Order(CompositeIdentity.Order)] : [];

    /// <summary>The graph <paramref name="identity"/> is in, with its links, or null.</summary>
    public IdentityGraphView? ViewOf(CompositeIdentity identity)
    {
        if (!_vertices.TryGetValue(identity, out var vertex))
        {
            return null;
        }

        var members = Component(identity);
        return new IdentityGraphView(
            vertex.GraphId,
            [.. members.Order(CompositeIdentity.Order).Select(m => _vertices[m])],
            [.. _links.Values.Where(l => members.Contains(l.Key.First)).OrderBy(l => l.Key.First, CompositeIdentity.Order).ThenBy(l => l.Key.Second, CompositeIdentity.Order)]);
    }

    /// <summary>Every graph of the working copy, as sets of identities.</summary>
    public IReadOnlyList<IReadOnlySet<CompositeIdentity>> Components()
    {
        var seen = new HashSet<CompositeIdentity>();
        var result = new List<IReadOnlySet<CompositeIdentity>>();
        foreach (var identity in _vertices.Keys)
        {
            if (seen.Contains(identity))
            {
                continue;
            }

            var component = Component(identity);
            seen.UnionWith(component);
            result.Add(component);
        }

        return result;
    }

    /// <summary>What changed since the working copy was loaded.</summary>
    public IdentityGraphChanges Changes() => new(
        [.. _vertices.Values.Where(v => !_initialVertices.TryGetValue(v.Identity, out var before) || before != v).OrderBy(v => v.Identity, CompositeIdentity.Order)],
        [.. _initialVertices.Keys.Where(k => !_vertices.ContainsKey(k)).Order(CompositeIdentity.Order)],
        [.. _links.Values.Where(l => !_initialLinks.TryGetValue(l.Key, out var before) || !before.Equals(l)).OrderBy(l => l.Key.First, CompositeIdentity.Order).ThenBy(l => l.Key.Second, CompositeIdentity.Order)],
        [.. _initialLinks.Keys.Where(k => !_links.ContainsKey(k)).OrderBy(k => k.First, CompositeIdentity.Order).ThenBy(k => k.Second, CompositeIdentity.Order)]);

    private List<CompositeIdentity> EnforceCap(CompositeIdentity start, HashSet<CompositeIdentity> record)
    {
        var evicted = new List<CompositeIdentity>();
        while (true)
        {
            var component = Component(start);
            if (component.Count <= MaxIdentitiesPerGraph)
            {
                return evicted;
            }

            var victim = component
                .Where(i => !record.Contains(i))
                .Select(i => _vertices[i])
                .OrderBy(v => IdentityTypes.DeletionTier(v.IdType))
                .ThenBy(v => v.LastUpdated)
                .ThenBy(v => v.Identity.Xid, StringComparer.Ordinal)
                .FirstOrDefault();
            if (victim is null)
            {
                // Only the record's own identities are left: with AEP's limits (20 per record, 50 per graph) this
                // cannot happen; with a smaller test cap the record is kept whole.
                return evicted;
            }

            RemoveVertex(victim.Identity);
            evicted.Add(victim.Identity);
        }
    }

    private int RemoveSources(Func<LinkSource, bool> drop)
    {
        var removed = 0;
        foreach (var link in _links.Values.ToList())
        {
            var kept = link.Without(drop);
            if (kept is null)
            {
                RemoveLink(link.Key);
                removed++;
            }
            else if (!ReferenceEquals(kept, link))
            {
                _links[link.Key] = kept;
            }
        }

        RemoveIsolated();
        AssignGraphIds();
        return removed;
    }

    private void AddLink(IdentityLink link)
    {
        _links[link.Key] = link;
        Neighbours(link.Key.First).Add(link.Key.Second);
        Neighbours(link.Key.Second).Add(link.Key.First);
    }

    private void RemoveLink(IdentityLinkKey key)
    {
        _links.Remove(key);
        Neighbours(key.First).Remove(key.Second);
        Neighbours(key.Second).Remove(key.First);
        _dirty.Add(key.First);
        _dirty.Add(key.Second);
    }

    private void RemoveVertex(CompositeIdentity identity)
    {
        foreach (var neighbour in Neighbours(identity).ToList())
        {
            RemoveLink(IdentityLinkKey.Of(identity, neighbour));
        }

        _neighbours.Remove(identity);
        _vertices.Remove(identity);
    }

    /// <summary>Drops identities left without a link; only a changed identity can have lost its last link.</summary>
    private void RemoveIsolated()
    {
        List<CompositeIdentity>? isolated = null;
        foreach (var identity in _dirty)
        {
            if (_vertices.ContainsKey(identity) && Neighbours(identity).Count == 0)
            {
                (isolated ??= []).Add(identity);
            }
        }

        foreach (var identity in isolated ?? [])
        {
            _neighbours.Remove(identity);
            _vertices.Remove(identity);
        }
    }

    private HashSet<CompositeIdentity> Neighbours(CompositeIdentity identity)
    {
        if (!_neighbours.TryGetValue(identity, out var set))
        {
            set = [];
            _neighbours[identity] = set;
        }

        return set;
    }

    private HashSet<CompositeIdentity> Component(CompositeIdentity start)
    {
        var seen = new HashSet<CompositeIdentity> { start };
        var queue = new List<CompositeIdentity>(8) { start };
        for (var i = 0; i < queue.Count; i++)
        {
            foreach (var next in Neighbours(queue[i]))
            {
                if (seen.Add(next))
                {
                    queue.Add(next);
                }
            }
        }

        return seen;
    }

    /// <summary>Gives every changed component its id (the rule in the class remarks). Components without a changed
    /// identity keep theirs: they hold no id another component holds, so the rule leaves them as they are.</summary>
    /// <param name="known">A component already computed after the change, when the caller has one: if every changed
    /// identity is in it (a record linked without eviction), it is the only changed component and is not walked again.</param>
    private void AssignGraphIds(HashSet<CompositeIdentity>? known = null)
    {
        var changed = new List<HashSet<CompositeIdentity>>();
        if (known is not null && _dirty.IsSubsetOf(known))
        {
            changed.Add(known);
        }
        else
        {
            var seen = new HashSet<CompositeIdentity>();
            foreach (var identity in _dirty)
            {
                if (_vertices.ContainsKey(identity) && !seen.Contains(identity))
                {
                    var component = Component(identity);
                    seen.UnionWith(component);
                    changed.Add(component);
                }
            }
        }

        _dirty.Clear();
        if (changed.Count > 1)
        {
            changed = [.. changed
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Select(i => i.Xid).Min(StringComparer.Ordinal), StringComparer.Ordinal)];
        }

        var taken = changed.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var component in changed)
        {
            string? id = null;
            foreach (var identity in component)
            {
                var graphId = _vertices[identity].GraphId;
                if (graphId.Length > 0 && (taken is null || !taken.Contains(graphId)) && (id is null || string.CompareOrdinal(graphId, id) < 0))
                {
                    id = graphId;
                }
            }

            id ??= NewGraphId(taken);
            taken?.Add(id);
            foreach (var identity in component)
            {
                var vertex = _vertices[identity];
                if (!string.Equals(vertex.GraphId, id, StringComparison.Ordinal))
                {
                    _vertices[identity] = vertex with { GraphId = id };
                }
            }
        }
    }

    private string NewGraphId(HashSet<string>? taken)
    {
        var id = _newGraphId();
        if (id.Length == 0 || taken?.Contains(id) == true)
        {
            throw new InvalidOperationException($"The graph id generator returned '{id}', which is empty or already used.");
        }

        return id;
    }
}
