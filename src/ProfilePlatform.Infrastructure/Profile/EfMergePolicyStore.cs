using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Merge policies in the platform store. A save updates the sandbox row's revision where it still has the
/// value it was loaded with; when another writer got there first the update matches no row and the whole save
/// (policies included) is rolled back as a conflict.</summary>
internal sealed class EfMergePolicyStore(PlatformDbContext db) : IMergePolicyStore
{
    public async Task<MergePolicySet> LoadAsync(TenantKey tenant, CancellationToken ct)
    {
        Forget();
        var state = await db.MergePolicySandboxes.FirstOrDefaultAsync(ct);
        var policies = await db.MergePolicies.ToListAsync(ct);
        return new MergePolicySet(tenant, state, policies);
    }

    public async Task SaveAsync(MergePolicySet set, CancellationToken ct)
    {
        if (set.StateIsNew)
        {
            db.MergePolicySandboxes.Add(set.State!);
        }

        db.MergePolicies.AddRange(set.Added);
        db.MergePolicies.RemoveRange(set.Removed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            Forget();
            throw new MergePolicyConflictException("another writer changed the merge policies first", ex);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            Forget();
            throw new MergePolicyConflictException("another writer provisioned the sandbox first", ex);
        }
    }

    /// <summary>Detaches what an earlier load or failed save tracked, so the next load reads the store as it is now.</summary>
    private void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is MergePolicyDefinition or MergePolicySandbox).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
