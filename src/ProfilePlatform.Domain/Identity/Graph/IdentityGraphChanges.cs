namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>What one graph operation changed, for the store to write in one transaction: nodes and links to insert
/// or overwrite, nodes and links to delete.</summary>
public sealed record IdentityGraphChanges(
    IReadOnlyList<IdentityVertex> UpsertedVertices,
    IReadOnlyList<CompositeIdentity> RemovedVertices,
    IReadOnlyList<IdentityLink> UpsertedLinks,
    IReadOnlyList<IdentityLinkKey> RemovedLinks)
{
    public static IdentityGraphChanges None { get; } = new([], [], [], []);

    public bool IsEmpty =>
        UpsertedVertices.Count == 0 && RemovedVertices.Count == 0 && UpsertedLinks.Count == 0 && RemovedLinks.Count == 0;

    /// <summary>The written nodes that joined a cluster: new nodes, and nodes whose graph id differs from the one they
    /// had in <paramref name="loaded"/> (a merge or split moved them). The store keeps these as the cluster history
    /// (help/identity-service/api/list-cluster-history.md: "Identities can move clusters over the course of various
    /// device graph runs").</summary>
    public IEnumerable<IdentityVertex> ClusterAssignments(IdentityGraphState loaded)
    {
        var before = loaded.Vertices.ToDictionary(v => v.Identity, v => v.GraphId);
        return UpsertedVertices.Where(v => !before.TryGetValue(v.Identity, out var graphId) || !string.Equals(graphId, v.GraphId, StringComparison.Ordinal));
    }
}
