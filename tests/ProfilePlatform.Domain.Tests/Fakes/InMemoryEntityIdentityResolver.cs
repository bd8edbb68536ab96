using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.Entities;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Resolves XIDs from the primary identities the in-memory Profile stores hold, as the EF resolver does from
/// its tables (graph nodes, fragments, events).</summary>
public sealed class InMemoryEntityIdentityResolver(InMemoryProfileFragmentStore fragments, InMemoryExperienceEventStore events) : IEntityIdentityResolver
{
    public Task<CompositeIdentity?> FindByXidAsync(string xid, CancellationToken ct) => Task.FromResult(
        fragments.All.SelectMany(f => f.Identities)
            .Concat(events.All.SelectMany(e => e.Identities))
            .FirstOrDefault(i => i.Xid == xid));
}
