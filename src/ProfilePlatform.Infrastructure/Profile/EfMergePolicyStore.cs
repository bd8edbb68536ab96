using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Merge policies in the platform store. A save moves the sandbox row's revision where it still has the value
/// it was loaded with; when another writer got there first the update matches no row and the whole save (policies
/// included) is rolled back as a conflict.</summary>
internal sealed class EfMergePolicyStore(PlatformDbContext db, TimeProvider clock) : IMergePolicyStore
{
    public async Task<SandboxMergePolicies> LoadAsync(TenantKey tenant, CancellationToken ct)
    {
        Forget();
        var state = await db.Set<MergePolicyRevisionRow>().FirstOrDefaultAsync(ct);
        var rows = await db.Set<MergePolicyRow>().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        return new SandboxMergePolicies(state?.Revision, rows.Select(MergePolicyDocument.Read))
        {
            Version = state is null ? null : VersionOf(state.Revision, state.Provisioned),
        };
    }

    /// <summary>The version token of a sandbox's stored policies: the revision (moved by every save) and the time the
    /// sandbox was provisioned (a reset erases the row, and the revision then starts again).</summary>
    public static string VersionOf(long revision, DateTimeOffset provisioned) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{revision}@{provisioned.UtcTicks}");

    public async Task SaveAsync(TenantKey tenant, SandboxMergePolicies changes, CancellationToken ct)
    {
        var rows = db.Set<MergePolicyRow>();
        var tracked = rows.Local.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var state = db.Set<MergePolicyRevisionRow>().Local.FirstOrDefault();
        if (changes.Revision is null || state is null)
        {
            state = new MergePolicyRevisionRow { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Revision = 0, Provisioned = clock.GetUtcNow() };
            db.Add(state);
        }

        state.Revision++;
        var position = tracked.Count == 0 ? 0 : tracked.Values.Max(r => r.Position);
        foreach (var policy in changes.Saved)
        {
            if (!tracked.TryGetValue(policy.Id, out var row))
            {
                row = new MergePolicyRow { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Id = policy.Id, Position = ++position };
                rows.Add(row);
            }

            MergePolicyDocument.Write(policy, row);
        }

        foreach (var id in changes.Deleted)
        {
            if (tracked.TryGetValue(id, out var row))
            {
                rows.Remove(row);
            }
        }

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
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is MergePolicyRow or MergePolicyRevisionRow).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
