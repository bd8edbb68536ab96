using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Profile fragments in <c>profile_fragments</c>, tenant-scoped by the context's query filters.</summary>
/// <remarks>An upsert is a read-modify-write of each key: on PostgreSQL the keys' advisory locks are taken first (sorted,
/// so two writers never wait on each other in a cycle; inside a caller's transaction the sandbox's lock instead,
/// <see cref="AdvisoryLocks.LockForWriteAsync"/>), which also covers keys not stored yet; on SQLite the
/// <c>BEGIN IMMEDIATE</c> transaction serialises writers. The merge itself is the domain's
/// (<see cref="ProfileFragmentWrite.ApplyTo"/>); on PostgreSQL the results for keys the read did not find are appended by
/// a direct COPY and only the others upserted (<see cref="BulkUpsert.InsertAsync{T}"/>), on SQLite all are upserted.</remarks>
internal sealed class EfProfileFragmentStore(PlatformDbContext db) : IProfileFragmentStore
{
    private IQueryable<ProfileFragmentRecord> Fragments => db.Set<ProfileFragmentRecord>().AsNoTracking();

    private TenantKey Tenant => db.Tenancy?.Tenant ?? throw new InvalidOperationException("The Profile store needs the unit of work's organization and sandbox.");

    public async Task<IReadOnlyList<ProfileFragment>> UpsertAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct)
    {
        if (writes.Count == 0)
        {
            return [];
        }

        var tenant = Tenant;
        var locking = db.Database.IsNpgsql();
        var direct = locking;
        for (var attempt = 1; ; attempt++)
        {
            await using var unit = await StoreUnit.BeginWriteAsync(db, ct);
            try
            {
                if (locking)
                {
                    await AdvisoryLocks.LockForWriteAsync(db, unit.IsNested, AdvisoryLocks.FragmentClass, tenant, writes.Select(w => LockName(w.DatasetId, w.PrimaryIdentity.Xid)), ct);
                }

                var stored = await LoadAsync(writes, ct);
                var existing = stored.ToDictionary(r => (r.DatasetId, r.PrimaryXid), ToFragment);
                var result = new Dictionary<(string, string), ProfileFragment>();
                foreach (var write in writes)
                {
                    var key = (write.DatasetId, write.PrimaryIdentity.Xid);
                    result[key] = write.ApplyTo(result.GetValueOrDefault(key) ?? existing.GetValueOrDefault(key));
                }

                if (direct)
                {
                    // The keys' locks (or the sandbox's) are held: a key the read did not find is not stored.
                    await BulkUpsert.InsertAsync(db, [.. result.Where(r => !existing.ContainsKey(r.Key)).Select(r => ToRecord(tenant, r.Value))], ct);
                    await BulkUpsert.UpsertAsync(db, [.. result.Where(r => existing.ContainsKey(r.Key)).Select(r => ToRecord(tenant, r.Value))], ct);
                }
                else
                {
                    await BulkUpsert.UpsertAsync(db, [.. result.Values.Select(f => ToRecord(tenant, f))], ct);
                }

                await unit.CommitAsync(ct);
                return [.. result.Values];
            }
            catch (Exception ex) when (attempt < StoreRetry.MaxAttempts && StoreRetry.IsRetryable(ex, unit.IsNested))
            {
                await unit.RollbackAsync(ct);
                if (direct && StoreRetry.IsUniqueViolation(ex))
                {
                    direct = false; // stored after all (not expected under the locks): upsert everything this time
                    continue;
                }
            }
            await StoreRetry.BackoffAsync(attempt, ct);
        }
    }

    public async Task<IReadOnlyList<ProfileFragment>> FindByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        if (primaryXids.Count == 0)
        {
            return [];
        }

        var xids = primaryXids.Distinct(StringComparer.Ordinal).ToList();
        var records = await Fragments
            .Where(f => xids.Contains(f.PrimaryXid))
            .OrderBy(f => f.DatasetId)
            .ThenBy(f => f.PrimaryXid)
            .ToListAsync(ct);
        return [.. records.Select(ToFragment)];
    }

    public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        var xids = primaryXids.Distinct(StringComparer.Ordinal).ToList();
        return xids.Count == 0
            ? Task.FromResult(0)
            : db.Set<ProfileFragmentRecord>().Where(f => xids.Contains(f.PrimaryXid)).ExecuteDeleteAsync(ct);
    }

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) =>
        db.Set<ProfileFragmentRecord>().Where(f => f.DatasetId == datasetId).ExecuteDeleteAsync(ct);

    private async Task<List<ProfileFragmentRecord>> LoadAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct)
    {
        var found = new List<ProfileFragmentRecord>();
        foreach (var dataset in writes.GroupBy(w => w.DatasetId, StringComparer.Ordinal))
        {
            var id = dataset.Key;
            var xids = dataset.Select(w => w.PrimaryIdentity.Xid).Distinct(StringComparer.Ordinal).ToList();
            found.AddRange(await Fragments.Where(f => f.DatasetId == id && xids.Contains(f.PrimaryXid)).ToListAsync(ct));
        }

        return found;
    }

    private static string LockName(string datasetId, string xid) => datasetId + "\n" + xid;

    private static ProfileFragment ToFragment(ProfileFragmentRecord r) => ProfileFragment.Create(
        r.DatasetId,
        r.BatchId,
        new CompositeIdentity(r.PrimaryNamespace, r.PrimaryValue),
        StoredIdentities.Read(r.Identities),
        JsonNode.Parse(r.Record)!.AsObject(),
        r.IngestedAt);

    private static ProfileFragmentRecord ToRecord(TenantKey tenant, ProfileFragment f) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        DatasetId = f.DatasetId,
        PrimaryXid = f.PrimaryIdentity.Xid,
        PrimaryNamespace = f.PrimaryIdentity.Namespace,
        PrimaryValue = f.PrimaryIdentity.Value,
        Identities = StoredIdentities.Write(f.Identities),
        Record = f.RecordJson,
        BatchId = f.BatchId,
        IngestedAt = StoreTime.Of(f.IngestedAt),
        LastUpdated = f.LastUpdated is { } at ? StoreTime.Of(at) : null,
    };
}
