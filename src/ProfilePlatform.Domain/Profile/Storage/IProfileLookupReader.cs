using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Reads what one profile lookup merges — the identity's graph members and the fragments stored against them —
/// in as few round trips as the store allows (the entities API's hot path), with the version of the sandbox's merge
/// policies read in the same round trip, so a cached policy can be checked without a query of its own.</summary>
public interface IProfileLookupReader
{
    /// <summary>The fragments stored against <paramref name="identity"/> and, when <paramref name="stitch"/>, against
    /// every member of its identity graph (<see cref="ProfileLookupRead.Graph"/>: the members, the identity included;
    /// just the identity when it is in no graph; empty without stitching).</summary>
    Task<ProfileLookupRead> ReadAsync(CompositeIdentity identity, bool stitch, CancellationToken ct);
}

/// <summary>One lookup's stored data.</summary>
/// <param name="Graph">The identities related to the requested one (itself included), sorted; empty without stitching.</param>
/// <param name="Fragments">The fragments stored against the requested identity or a member of <paramref name="Graph"/>.</param>
/// <param name="PolicyVersion">The sandbox's merge policy version as read with the data
/// (<see cref="MergePolicies.SandboxMergePolicies.Version"/>); null when the store does not report it.</param>
public sealed record ProfileLookupRead(
    IReadOnlyList<CompositeIdentity> Graph,
    IReadOnlyList<ProfileFragment> Fragments,
    string? PolicyVersion);
