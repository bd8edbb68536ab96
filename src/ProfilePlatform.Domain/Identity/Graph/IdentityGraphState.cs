namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>A set of complete identity graphs as the store holds them: every node of each graph and every link
/// between them. A graph is never loaded partially — the cap and the component computation need all of it.</summary>
public sealed record IdentityGraphState(IReadOnlyList<IdentityVertex> Vertices, IReadOnlyList<IdentityLink> Links)
{
    public static IdentityGraphState Empty { get; } = new([], []);
}
