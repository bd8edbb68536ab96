namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>One identity graph as read: its id, nodes (sorted by identity) and links (sorted by key), what the
/// cluster and graph endpoints render.</summary>
public sealed record IdentityGraphView(string GraphId, IReadOnlyList<IdentityVertex> Vertices, IReadOnlyList<IdentityLink> Links)
{
    /// <summary>The graph's identities, sorted.</summary>
    public IReadOnlyList<CompositeIdentity> Members => [.. Vertices.Select(v => v.Identity)];

    /// <summary>The identity mapping of <paramref name="identity"/> into a namespace (help/identity-service/api/list-identity-mappings.md:
    /// "all identities in a cluster, for a specified namespace"): the graph's other identities of
    /// <paramref name="namespaceCode"/>, each with the last time it was associated with <paramref name="identity"/> —
    /// their link's <c>last_established</c> when they are linked directly, else the earlier of the two identities' last
    /// updates, the last moment both were known to the graph [unverified: AEP does not say how indirect associations
    /// are timed].</summary>
    public IReadOnlyList<IdentityMapping> MappingsOf(CompositeIdentity identity, string namespaceCode)
    {
        var self = Vertices.FirstOrDefault(v => v.Identity.Equals(identity));
        if (self is null)
        {
            return [];
        }

        var links = Links.ToDictionary(l => l.Key);
        return [.. Vertices
            .Where(v => !v.Identity.Equals(identity) && string.Equals(v.Identity.Namespace, namespaceCode, StringComparison.OrdinalIgnoreCase))
            .Select(v => new IdentityMapping(
                v.Identity,
                links.TryGetValue(IdentityLinkKey.Of(identity, v.Identity), out var direct)
                    ? direct.LastEstablished
                    : (v.LastUpdated < self.LastUpdated ? v.LastUpdated : self.LastUpdated)))];
    }
}
