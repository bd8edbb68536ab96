using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>Queues and cancels batch jobs in the request's store context, so they are saved with the batch's status in one
/// transaction (see <see cref="IIngestionJobQueue"/>).</summary>
internal sealed class IngestionJobQueue(PlatformDbContext db, IngestionSignal signal) : IIngestionJobQueue
{
    public void Enqueue(TenantKey tenant, string batchId, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        db.IngestionJobs.Add(new IngestionJobRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            BatchId = batchId,
            State = IngestionJobRecord.Queued,
            AvailableAt = ms,
            Created = ms,
            Updated = ms,
        });
    }

    public async Task CancelAsync(TenantKey tenant, string batchId, CancellationToken ct)
    {
        var job = await db.IngestionJobs.FirstOrDefaultAsync(j => j.ImsOrg == tenant.ImsOrg && j.Sandbox == tenant.Sandbox && j.BatchId == batchId, ct);
        if (job is { State: IngestionJobRecord.Queued })
        {
            db.IngestionJobs.Remove(job);
        }
    }

    public void Signal() => signal.Raise();
}
