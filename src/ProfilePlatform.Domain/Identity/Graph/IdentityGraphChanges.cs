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
}
