using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Finds an XID's identity by key lookups (each table is keyed or indexed by the XID, tenant-scoped by the
/// context's query filters): graph nodes first, then fragment and event primary identities.</summary>
internal sealed class EfEntityIdentityResolver(PlatformDbContext db) : IEntityIdentityResolver
{
    public async Task<CompositeIdentity?> FindByXidAsync(string xid, CancellationToken ct)
    {
        var vertex = await db.Set<IdentityVertexRecord>().AsNoTracking()
            .Where(v => v.Xid == xid)
            .Select(v => new { v.Namespace, v.Value })
            .FirstOrDefaultAsync(ct);
        if (vertex is not null)
        {
            return new CompositeIdentity(vertex.Namespace, vertex.Value);
        }

        var fragment = await db.Set<ProfileFragmentRecord>().AsNoTracking()
            .Where(f => f.PrimaryXid == xid)
            .Select(f => new { f.PrimaryNamespace, f.PrimaryValue })
            .FirstOrDefaultAsync(ct);
        if (fragment is not null)
        {
            return new CompositeIdentity(fragment.PrimaryNamespace, fragment.PrimaryValue);
        }

        var e = await db.Set<ExperienceEventRecord>().AsNoTracking()
            .Where(r => r.PrimaryXid == xid)
            .Select(r => new { r.PrimaryNamespace, r.PrimaryValue })
            .FirstOrDefaultAsync(ct);
        return e is null ? null : new CompositeIdentity(e.PrimaryNamespace, e.PrimaryValue);
    }
}
