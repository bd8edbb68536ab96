using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Profile.SystemJobs;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile.SystemJobs;

/// <summary><see cref="IProfileSystemJobStore"/> on the store context (tenant-scoped by its query filters).</summary>
internal sealed class EfProfileSystemJobStore(PlatformDbContext db) : IProfileSystemJobStore
{
    private DbSet<ProfileSystemJobRecord> Jobs => db.Set<ProfileSystemJobRecord>();

    public async Task AddAsync(ProfileSystemJob job, CancellationToken ct)
    {
        Jobs.Add(new ProfileSystemJobRecord
        {
            ImsOrg = job.ImsOrg,
            Sandbox = job.Sandbox,
            Id = job.Id,
            JobType = ProfileSystemJob.WireType(job.Type),
            DatasetId = job.DatasetId,
            BatchId = job.BatchId,
            Status = ProfileSystemJob.WireStatus(job.Status),
            Created = job.CreatedAt,
            Updated = job.UpdatedAt,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<ProfileSystemJob?> FindAsync(string id, CancellationToken ct) =>
        await Jobs.AsNoTracking().Where(j => j.Id == id).Select(j => ToJob(j)).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ProfileSystemJob>> ListAsync(CancellationToken ct) =>
        [.. (await Jobs.AsNoTracking().OrderBy(j => j.Created).ToListAsync(ct)).Select(ToJob)];

    public async Task<bool> DeleteAsync(string id, CancellationToken ct) =>
        await Jobs.Where(j => j.Id == id).ExecuteDeleteAsync(ct) > 0;

    internal static ProfileSystemJob ToJob(ProfileSystemJobRecord r) => ProfileSystemJob.Restore(
        r.Id,
        r.ImsOrg,
        r.Sandbox,
        r.JobType == "DELETE_EE_BATCH" ? ProfileSystemJobType.DeleteEeBatch : ProfileSystemJobType.TruncateDataset,
        r.DatasetId,
        r.BatchId,
        r.Status switch
        {
            "NEW" => ProfileSystemJobStatus.New,
            "PROCESSING" => ProfileSystemJobStatus.Processing,
            "SUCCESS" => ProfileSystemJobStatus.Success,
            _ => ProfileSystemJobStatus.Error,
        },
        r.RecordsProcessed,
        r.Message,
        r.Created,
        r.Updated,
        r.Started);
}

/// <summary>Wakes this node's system job worker when a job is created here.</summary>
public sealed class ProfileSystemJobSignal : IProfileSystemJobWakeup, IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Raise()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => pending.WaitAsync(timeout, ct);

    public void Dispose() => pending.Dispose();
}
