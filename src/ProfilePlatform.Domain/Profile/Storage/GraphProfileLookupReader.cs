using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>An <see cref="IProfileLookupReader"/> over the graph service and the fragment store, one call each: the
/// reference behaviour, used where no store-specific reader is registered (the domain's tests). It reports no policy
/// version, so cached merge policies are reloaded rather than trusted.</summary>
public sealed class GraphProfileLookupReader(IdentityGraphService graph, IProfileFragmentStore fragments) : IProfileLookupReader
{
    public async Task<ProfileLookupRead> ReadAsync(CompositeIdentity identity, bool stitch, CancellationToken ct)
    {
        IReadOnlyList<CompositeIdentity> related = stitch ? await graph.RelatedIdentitiesAsync(identity, ct) : [];
        var keys = related.Append(identity).Select(i => i.Xid).Distinct(StringComparer.Ordinal).ToList();
        return new ProfileLookupRead(related, await fragments.FindByIdentitiesAsync(keys, ct), null);
    }
}
