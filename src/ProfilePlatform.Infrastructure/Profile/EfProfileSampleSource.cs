using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Profile.Preview;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary><see cref="IProfileSampleSource"/> on the store context (tenant-scoped): fragments streamed, events grouped per
/// (dataset, primary identity) in the database, graph nodes streamed.</summary>
internal sealed class EfProfileSampleSource(PlatformDbContext db) : IProfileSampleSource
{
    public async IAsyncEnumerable<SampledFragment> FragmentsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var fragments = db.Set<ProfileFragmentRecord>().AsNoTracking()
            .Select(f => new { f.DatasetId, f.PrimaryXid, f.PrimaryNamespace, f.IngestedAt, f.BatchId })
            .AsAsyncEnumerable();
        await foreach (var f in fragments.WithCancellation(ct))
        {
            yield return new SampledFragment(f.DatasetId, f.PrimaryXid, f.PrimaryNamespace, 1, f.IngestedAt, f.BatchId);
        }

        var events = db.Set<ExperienceEventRecord>().AsNoTracking()
            .GroupBy(e => new { e.DatasetId, e.PrimaryXid, e.PrimaryNamespace })
            .Select(g => new { g.Key.DatasetId, g.Key.PrimaryXid, g.Key.PrimaryNamespace, Count = g.LongCount(), Last = g.Max(e => e.IngestedAt) })
            .AsAsyncEnumerable();
        var lastBatch = await db.Set<ExperienceEventRecord>().AsNoTracking()
            .OrderByDescending(e => e.IngestedAt).Select(e => new { e.IngestedAt, e.BatchId }).FirstOrDefaultAsync(ct);
        await foreach (var g in events.WithCancellation(ct))
        {
            // The batch of a group's latest event only matters for the newest ingestion overall: name it where it is that one.
            var batch = lastBatch is not null && lastBatch.IngestedAt == g.Last ? lastBatch.BatchId : "";
            yield return new SampledFragment(g.DatasetId, g.PrimaryXid, g.PrimaryNamespace, g.Count, g.Last, batch);
        }
    }

    public async IAsyncEnumerable<SampledIdentity> IdentitiesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var nodes = db.Set<IdentityVertexRecord>().AsNoTracking().Select(v => new { v.Xid, v.Namespace, v.GraphId }).AsAsyncEnumerable();
        await foreach (var v in nodes.WithCancellation(ct))
        {
            yield return new SampledIdentity(v.Xid, v.Namespace, v.GraphId);
        }
    }
}
