using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Domain.Profile.SystemJobs;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile.SystemJobs;

/// <summary>How this node's Profile system job worker claims and runs jobs (configuration section
/// <c>Profile:SystemJobs</c>).</summary>
public sealed class ProfileSystemJobOptions
{
    public const string Section = "Profile:SystemJobs";

    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for jobs created on other nodes, in seconds.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>How long after a worker stopped answering its job may be claimed again, in seconds.</summary>
    public double LeaseSeconds { get; set; } = 30;

    /// <summary>Attempts before a job ends in <c>ERROR</c>.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before a failed attempt is retried, in seconds.</summary>
    public double RetryDelaySeconds { get; set; } = 2;
}

/// <summary>Runs Profile system jobs in the background on every node: claims the oldest <c>NEW</c> job (or a
/// <c>PROCESSING</c> one whose worker is gone or whose retry is due) of any organization and sandbox, and runs it acting for
/// the job's tenancy in one transaction that also records <c>SUCCESS</c> — so a job's deletions and its status commit
/// together, and a crash leaves it to be claimed again.</summary>
/// <remarks>
/// <para>Claim: one statement, <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL (concurrent workers never take one job), atomic
/// on SQLite. Run: the transaction first locks the job's row (PostgreSQL) or proves the claim (SQLite) — a
/// <c>DELETE /system/jobs/{id}</c> meanwhile waits for it, then removes the request.</para>
/// <para>A transaction conflict (deadlock with a batch linking the same identities, busy SQLite) runs the attempt again at
/// once; any other failure gives the job back for a retry after <see cref="ProfileSystemJobOptions.RetryDelaySeconds"/>;
/// after <see cref="ProfileSystemJobOptions.MaxAttempts"/> the job ends in <c>ERROR</c> with the last failure.</para>
/// </remarks>
public sealed class ProfileSystemJobWorker(
    IServiceScopeFactory scopes,
    ProfileSystemJobSignal signal,
    ProfileSystemJobOptions options,
    TimeProvider clock,
    ILogger<ProfileSystemJobWorker> log) : BackgroundService
{
    private const int MaxConflictRetries = 20;

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
            Claimed? job = null;
            try
            {
                job = await ClaimAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Could not claim a Profile system job; retrying in {Poll}", poll);
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

    private async Task<Claimed?> ClaimAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = Now();
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE "profile_system_jobs" SET "status" = 'PROCESSING', "lease_owner" = @owner, "lease_expires" = @expires,
                "attempts" = "attempts" + 1, "updated" = @now, "started" = COALESCE("started", @now)
            WHERE "id" = (
                SELECT "id" FROM "profile_system_jobs"
                WHERE "status" = 'NEW' OR ("status" = 'PROCESSING' AND "lease_expires" < @now)
                ORDER BY "created", "id"
                LIMIT 1{skipLocked})
            RETURNING "id", "ims_org", "sandbox", "attempts", "message"
            """;
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, sql);
        StoreCommands.Parameter(command, "@owner", owner);
        StoreCommands.Parameter(command, "@expires", now + (long)(options.LeaseSeconds * 1000));
        StoreCommands.Parameter(command, "@now", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Claimed(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4))
            : null;
    }

    private async Task RunAsync(Claimed job, CancellationToken stoppingToken)
    {
        for (var conflict = 1; ; conflict++)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(job.ImsOrg, job.Sandbox));
            try
            {
                await ProcessAsync(scope.ServiceProvider, job, stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // left to its lease
            }
            catch (Exception ex) when (conflict < MaxConflictRetries && TransientStoreError.Is(ex))
            {
                log.LogInformation("Profile system job {JobId}: transaction conflict ({Error}); running it again", job.Id, ex.GetBaseException().Message);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 20 + Math.Min(2000, 50 * (1 << Math.Min(conflict, 6))))), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Profile system job {JobId} (attempt {Attempt}) failed", job.Id, job.Attempts);
                await ReleaseAsync(job, $"{ex.GetType().Name}: {ex.Message}", stoppingToken);
                return;
            }
        }
    }

    private async Task ProcessAsync(IServiceProvider services, Claimed job, CancellationToken ct)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await HoldAsync(db, job, ct))
        {
            return; // deleted, or taken over after the lease ran out
        }

        if (job.Attempts > options.MaxAttempts)
        {
            await FinishAsync(db, job, "ERROR", null, $"Deleting the data failed {options.MaxAttempts} times; the last attempt: {job.LastError ?? "the worker stopped"}. Create the request again.", ct);
            await transaction.CommitAsync(ct);
            return;
        }

        var stored = await services.GetRequiredService<IProfileSystemJobStore>().FindAsync(job.Id, ct);
        if (stored is null)
        {
            return;
        }

        var processed = await services.GetRequiredService<ProfileSystemJobExecutor>().RunAsync(stored, ct);
        await FinishAsync(db, job, "SUCCESS", processed, null, ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Profile system job {JobId} ({Type} {Dataset} {Batch}): {Processed} records deleted", job.Id, stored.Type, stored.DatasetId, stored.BatchId, processed);
    }

    private async Task<bool> HoldAsync(PlatformDbContext db, Claimed job, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await using var select = StoreCommands.Command(db, """SELECT "lease_owner", "status" FROM "profile_system_jobs" WHERE "id" = @id FOR UPDATE""");
            StoreCommands.Parameter(select, "@id", job.Id);
            await using var reader = await select.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && !reader.IsDBNull(0) && reader.GetString(0) == owner && reader.GetString(1) == "PROCESSING";
        }

        return await UpdateAsync(db, job, """UPDATE "profile_system_jobs" SET "updated" = "updated" WHERE "id" = @id AND "lease_owner" = @owner AND "status" = 'PROCESSING'""", null, ct) == 1;
    }

    private Task<int> FinishAsync(PlatformDbContext db, Claimed job, string status, long? processed, string? message, CancellationToken ct) =>
        UpdateAsync(
            db,
            job,
            """UPDATE "profile_system_jobs" SET "status" = @status, "records_processed" = @processed, "message" = @message, "lease_owner" = NULL, "updated" = @now WHERE "id" = @id AND "lease_owner" = @owner""",
            command =>
            {
                StoreCommands.Parameter(command, "@status", status);
                StoreCommands.Parameter(command, "@processed", processed);
                StoreCommands.Parameter(command, "@message", message is null || message.Length <= 4000 ? message : message[..4000]);
                StoreCommands.Parameter(command, "@now", Now());
            },
            ct);

    private async Task ReleaseAsync(Claimed job, string error, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await UpdateAsync(
                db,
                job,
                """UPDATE "profile_system_jobs" SET "lease_owner" = NULL, "lease_expires" = @retry, "message" = @message WHERE "id" = @id AND "lease_owner" = @owner""",
                command =>
                {
                    StoreCommands.Parameter(command, "@retry", Now() + (long)(options.RetryDelaySeconds * 1000));
                    StoreCommands.Parameter(command, "@message", error.Length <= 4000 ? error : error[..4000]);
                },
                ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Could not give back Profile system job {JobId}; it returns when its lease runs out", job.Id);
        }
    }

    private async Task<int> UpdateAsync(PlatformDbContext db, Claimed job, string sql, Action<System.Data.Common.DbCommand>? more, CancellationToken ct)
    {
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, sql);
        StoreCommands.Parameter(command, "@id", job.Id);
        StoreCommands.Parameter(command, "@owner", owner);
        more?.Invoke(command);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>This worker's name in the table: host, process and a unique part (a restarted process is another owner).</summary>
    private static string Owner()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 128 ? name : name[^128..];
    }

    private sealed record Claimed(string Id, string ImsOrg, string Sandbox, int Attempts, string? LastError);
}
