namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>One identity graph as read: its id, nodes (sorted by identity) and links (sorted by key), what the
/// cluster and graph endpoints render.</summary>
public sealed record IdentityGraphView(string GraphId, IReadOnlyList<IdentityVertex> Vertices, IReadOnlyList<IdentityLink> Links)
{
    /// <summary>The graph's identities, sorted.</summary>
    public IReadOnlyList<CompositeIdentity> Members => [.. Vertices.Select(v => v.Identity)];
}
