using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Profile;

/// <summary>A profile lookup: the identity asked for and the identity graph it belongs to.</summary>
/// <param name="Requested">The identity of the request (<c>entityId</c> + <c>entityIdNS</c>, or the XID's identity).</param>
/// <param name="Graph">The members of its identity graph (empty when it is linked to nothing).</param>
public sealed record ProfileLookup(CompositeIdentity Requested, IReadOnlyList<CompositeIdentity> Graph)
{
    /// <summary>The identities whose fragments and events make the profile under <paramref name="policy"/>: the whole
    /// graph for <c>pdg</c>; for <c>none</c> only the requested identity — fragments are stored against their primary
    /// identity, and without stitching "only primary identities can be used to look up profiles" (Adobe's Experience
    /// Platform tutorial "Create merge policies", the "Loyalty Only" policy with ID stitching None).</summary>
    public IReadOnlySet<CompositeIdentity> IdentitiesFor(MergePolicy policy) =>
        policy.Stitches ? Graph.Append(Requested).ToHashSet() : new HashSet<CompositeIdentity> { Requested };
}
