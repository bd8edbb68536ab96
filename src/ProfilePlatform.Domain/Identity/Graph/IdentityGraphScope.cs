namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>Which graphs an operation works on: the graphs that contain any of <see cref="Identities"/> plus the graphs
/// named in <see cref="GraphIds"/>, always loaded whole.</summary>
public sealed record IdentityGraphScope(IReadOnlyCollection<CompositeIdentity> Identities, IReadOnlyCollection<string> GraphIds)
{
    public static IdentityGraphScope Of(IEnumerable<CompositeIdentity> identities) => new([.. identities.Distinct()], []);

    public static IdentityGraphScope OfGraphs(IEnumerable<string> graphIds) => new([], [.. graphIds.Distinct(StringComparer.Ordinal)]);
}
