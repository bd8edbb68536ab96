using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>A job a worker holds: which batch of which tenant, and how many times it has been claimed.</summary>
public sealed record ClaimedJob(string Id, string ImsOrg, string Sandbox, string BatchId, int Attempts, string Owner, string? LastError = null);

/// <summary>Claims, holds and finishes batch jobs in the store, safely across API nodes and restarts.</summary>
/// <remarks>
/// <para>Claim: one statement takes the oldest job that is queued and due, or running with an expired lease, marks it running
/// for this worker with a new lease and one more attempt, and returns it. On PostgreSQL the candidate is chosen with
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never take the same job and never wait on each other; on SQLite the
/// statement is atomic by itself (one writer at a time).</para>
/// <para>Hold: the batch's transaction starts by locking the job's row and checking it still belongs to the worker
/// (<see cref="HoldAsync"/>); that lock lasts until commit, so no other worker can claim the job while it is being
/// processed, however long that takes. When the process dies the lock goes with its connection and the lease runs out.</para>
/// <para>Finish: marking the job done is part of the batch's transaction, so a batch is committed and its job closed
/// together or not at all.</para>
/// </remarks>
internal static class IngestionJobClaims
{
    private const string Columns = """ "id", "ims_org", "sandbox", "batch_id", "attempts", "last_error" """;

    public static async Task<ClaimedJob?> ClaimAsync(PlatformDbContext db, string owner, long now, long leaseMs, CancellationToken ct)
    {
        var skipLocked = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE "ingest_jobs" SET "state" = 'running', "lease_owner" = @owner, "lease_expires" = @expires, "attempts" = "attempts" + 1, "updated" = @now
            WHERE "id" = (
                SELECT "id" FROM "ingest_jobs"
                WHERE ("state" = 'queued' AND "available_at" <= @now) OR ("state" = 'running' AND "lease_expires" < @now)
                ORDER BY "available_at", "created"
                LIMIT 1{skipLocked})
            RETURNING {Columns}
            """;
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, sql);
        StoreCommands.Parameter(command, "@owner", owner);
        StoreCommands.Parameter(command, "@expires", now + leaseMs);
        StoreCommands.Parameter(command, "@now", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ClaimedJob(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), owner, reader.IsDBNull(5) ? null : reader.GetString(5))
            : null;
    }

    /// <summary>In the batch's transaction: locks the job's row and checks the worker still holds it.</summary>
    public static async Task<bool> HoldAsync(PlatformDbContext db, ClaimedJob job, long now, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await using var select = StoreCommands.Command(db, """SELECT "lease_owner", "state" FROM "ingest_jobs" WHERE "id" = @id FOR UPDATE""");
            StoreCommands.Parameter(select, "@id", job.Id);
            await using var reader = await select.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && !reader.IsDBNull(0) && reader.GetString(0) == job.Owner && reader.GetString(1) == IngestionJobRecord.Running;
        }

        // SQLite: the transaction already holds the database's write lock; the update proves ownership.
        return await UpdateOwnedAsync(db, job, """UPDATE "ingest_jobs" SET "updated" = @now WHERE "id" = @id AND "lease_owner" = @owner AND "state" = 'running'""", now, null, ct) == 1;
    }

    /// <summary>Marks the job done (in the batch's transaction when there is one).</summary>
    public static Task<int> FinishAsync(PlatformDbContext db, ClaimedJob job, long now, CancellationToken ct) =>
        UpdateOwnedAsync(db, job, """UPDATE "ingest_jobs" SET "state" = 'done', "lease_owner" = NULL, "updated" = @now WHERE "id" = @id AND "lease_owner" = @owner""", now, null, ct);

    /// <summary>Gives the job back after a failed attempt: queued again from <paramref name="availableAt"/>, with the reason.</summary>
    public static Task<int> ReleaseAsync(PlatformDbContext db, ClaimedJob job, long now, long availableAt, string error, CancellationToken ct) =>
        UpdateOwnedAsync(
            db,
            job,
            """UPDATE "ingest_jobs" SET "state" = 'queued', "lease_owner" = NULL, "available_at" = @available, "last_error" = @error, "updated" = @now WHERE "id" = @id AND "lease_owner" = @owner""",
            now,
            command =>
            {
                StoreCommands.Parameter(command, "@available", availableAt);
                StoreCommands.Parameter(command, "@error", error.Length <= 4000 ? error : error[..4000]);
            },
            ct);

    private static async Task<int> UpdateOwnedAsync(PlatformDbContext db, ClaimedJob job, string sql, long now, Action<DbCommand>? more, CancellationToken ct)
    {
        await using var open = await StoreCommands.OpenAsync(db, ct);
        await using var command = StoreCommands.Command(db, sql);
        StoreCommands.Parameter(command, "@id", job.Id);
        StoreCommands.Parameter(command, "@owner", job.Owner);
        StoreCommands.Parameter(command, "@now", now);
        more?.Invoke(command);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
