using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>This node's batch ingestion worker: claims the next job of any organization and sandbox from the store,
/// processes it acting for the job's tenancy, and waits for a COMPLETE on this node or its next poll when there is none.</summary>
/// <remarks>
/// <para>Every node runs one; they share the queue (<see cref="IngestionJobClaims"/>), so a batch completed on one node may be
/// processed on another, and a job of a node that died is taken over once its lease runs out.</para>
/// <para>A failed attempt (the store went away, a record sink threw) is given back to the queue after a delay and retried up to
/// <see cref="IngestionWorkerOptions.MaxAttempts"/>; after that the batch is failed. A transaction conflict (deadlock,
/// serialization failure, busy SQLite) is not a failure: the attempt is run again at once, up to 20 times. When the node stops during an attempt the
/// job is left as a crashed node would leave it, to its lease.</para>
/// </remarks>
public sealed class IngestionWorker(
    IServiceScopeFactory scopes,
    IngestionSignal signal,
    IngestionWorkerOptions options,
    TimeProvider clock,
    ILogger<IngestionWorker> log) : BackgroundService
{
    private readonly string owner = Owner();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedJob? job = null;
            try
            {
                job = await ClaimAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "Could not claim an ingestion job; retrying in {Poll}", poll);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (job is not null)
            {
                await RunAsync(job, stoppingToken);
                continue;
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<ClaimedJob?> ClaimAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await IngestionJobClaims.ClaimAsync(db, owner, Now(), (long)(options.LeaseSeconds * 1000), ct);
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        for (var conflict = 1; ; conflict++)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(job.ImsOrg, job.Sandbox));
            try
            {
                await scope.ServiceProvider.GetRequiredService<BatchProcessor>().ProcessAsync(job, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                log.LogWarning("Stopped while processing batch {BatchId}; its job is left to its lease", job.BatchId);
                return;
            }
            catch (Exception ex) when (conflict < MaxConflictRetries && TransientStoreError.Is(ex))
            {
                // Another transaction got in the way (two batches linking the same identities deadlocked, SQLite was busy):
                // everything of this attempt was rolled back; run it again at once, after a random pause, without
                // counting it as one of the job's attempts. The job stays ours (HoldAsync re-checks it).
                log.LogInformation("Batch {BatchId}: transaction conflict ({Error}); running it again ({Conflict})", job.BatchId, ex.GetBaseException().Message, conflict);
                try
                {
                    await Task.Delay(ConflictPause(conflict), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Processing batch {BatchId} (attempt {Attempt}) failed", job.BatchId, job.Attempts);
                await ReleaseAsync(job, ex, stoppingToken);
                return;
            }
        }
    }

    /// <summary>How often one attempt is run again after transaction conflicts before it counts as a failed attempt.</summary>
    private const int MaxConflictRetries = 20;

    /// <summary>A random pause growing with the conflicts (up to ~2 s), so that colliding batches do not collide again in lockstep.</summary>
    private static TimeSpan ConflictPause(int conflict) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(20, 20 + Math.Min(2000, 50 * (1 << Math.Min(conflict, 6)))));

    private async Task ReleaseAsync(ClaimedJob job, Exception failure, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var now = Now();
            await IngestionJobClaims.ReleaseAsync(db, job, now, now + (long)(options.RetryDelaySeconds * 1000), $"{failure.GetType().Name}: {failure.Message}", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not give back the job of batch {BatchId}; it returns when its lease runs out", job.BatchId);
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>This worker's name in the queue: host, process and a unique part (a restarted process is another owner).</summary>
    private static string Owner()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 128 ? name : name[^128..];
    }
}
