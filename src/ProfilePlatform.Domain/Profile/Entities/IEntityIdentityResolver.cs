using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>Finds the identity behind an XID. XIDs are one-way hashes (<see cref="CompositeIdentity.Xid"/>), so an XID
/// is known only where an identity was stored with it: the identity graph, a fragment's or an event's primary identity.</summary>
public interface IEntityIdentityResolver
{
    /// <summary>The identity whose XID is <paramref name="xid"/> in the current organization and sandbox, or null.</summary>
    Task<CompositeIdentity?> FindByXidAsync(string xid, CancellationToken ct);
}
