namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>What linking one record's identities did.</summary>
/// <param name="Linked">False when the record had fewer than two linkable identities: Identity Service stores nothing
/// for it ("Identity Service only stores events with at least two identities").</param>
/// <param name="GraphId">The graph the record's identities are in afterwards, or null when not linked.</param>
/// <param name="Members">That graph's identities, sorted.</param>
/// <param name="Evicted">Identities the full graph deleted to make room, oldest first in deletion order.</param>
public sealed record LinkOutcome(bool Linked, string? GraphId, IReadOnlyList<CompositeIdentity> Members, IReadOnlyList<CompositeIdentity> Evicted)
{
    public static LinkOutcome NotLinked { get; } = new(false, null, [], []);
}
