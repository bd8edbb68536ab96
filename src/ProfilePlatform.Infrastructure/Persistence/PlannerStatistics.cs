using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Ingestion;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Keeps PostgreSQL's planner statistics of the tables a large batch fills close enough to the truth.</summary>
/// <remarks>Autovacuum analyzes a table about a minute after it changed; until then the planner still sees the table
/// as it was, typically empty after a sandbox's first batch, and a join planned for an empty table (a nested loop
/// scanning the whole tenant per outer row) made the next dataset DELETE time out. ANALYZE samples a bounded number of
/// rows, so it costs well under a second per table whatever the batch's size. A failure only costs plan quality: it is
/// logged, never the batch's outcome.</remarks>
internal static class PlannerStatistics
{
    /// <summary>How long an in-transaction ANALYZE waits for its table lock before it gives up (another ANALYZE or
    /// a VACUUM holds it); the batch then runs on with the statistics it has.</summary>
    private const string AnalyzeLockTimeout = "200ms";

    private static readonly Type[] BulkFilledTables =
    [
        typeof(DatasetRecordChunkRow),
        typeof(IdentityVertexRecord),
        typeof(IdentityLinkRecord),
        typeof(IdentityClusterHistoryRecord),
        typeof(ProfileFragmentRecord),
        typeof(ExperienceEventRecord),
    ];

    public static async Task RefreshAsync(PlatformDbContext db, ILogger log, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        // Table names come from the model and are delimited: nothing of a request reaches this statement.
        var statement = "ANALYZE " + string.Join(", ", BulkFilledTables
            .Select(t => db.Model.FindEntityType(t)!)
            .Select(e => sql.DelimitIdentifier(e.GetTableName()!, e.GetSchema())));
        try
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Refreshing the planner statistics after a large batch failed; autovacuum will do it later");
        }
    }

    /// <summary>Inside a batch's transaction: analyzes the bulk-filled tables whose statistics describe them as (nearly)
    /// empty while they hold at least 8 MB, so that the batch's own rows are counted.</summary>
    /// <remarks>The state this repairs: a table analyzed right after a large deletion keeps its pages with no live row,
    /// so the planner estimates zero rows per page however much the table grows, and plans key lookups as scans of the
    /// tenant's whole key range with a filter. A 1,000,000-record batch after a dataset DELETE slowed down quadratically
    /// (78 % of its time in two vertex reads, ~350 records/s after 20 minutes). Autovacuum cannot help: the batch's rows
    /// are not committed yet. ANALYZE counts the current transaction's own inserts as live and updates the table's row
    /// estimate in place, for every session. Its lock (SHARE UPDATE EXCLUSIVE) is held until the batch commits, so it is
    /// only taken when the statistics are that wrong, waits at most <see cref="AnalyzeLockTimeout"/>, and a table it
    /// cannot lock keeps its statistics (behind a savepoint, so the batch's transaction goes on).</remarks>
    public static async Task RefreshStaleInTransactionAsync(PlatformDbContext db, ILogger log, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var names = BulkFilledTables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToArray();
        var stale = await db.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value"
            FROM pg_class c
            WHERE c.relname = ANY({names}) AND c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
              AND c.reltuples >= 0
              AND pg_relation_size(c.oid) >= 8 * 1024 * 1024
              AND c.reltuples < 2 * (pg_relation_size(c.oid) / current_setting('block_size')::int)
            """).ToListAsync(ct);
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var table in stale)
        {
            await db.Database.ExecuteSqlRawAsync("SAVEPOINT pp_planner_statistics", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT set_config('lock_timeout', {0}, true)", [AnalyzeLockTimeout], ct);

                // The name comes from the model (checked against pg_class above) and is delimited.
                var analyze = "ANALYZE " + sql.DelimitIdentifier(table);
                await db.Database.ExecuteSqlRawAsync(analyze, ct);
                await db.Database.ExecuteSqlRawAsync("RELEASE SAVEPOINT pp_planner_statistics", ct);
                log.LogInformation("Analyzed {Table} inside a batch: its statistics described it as empty", table);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Also undoes the lock timeout set behind the savepoint.
                await db.Database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT pp_planner_statistics", ct);
                await db.Database.ExecuteSqlRawAsync("RELEASE SAVEPOINT pp_planner_statistics", ct);
                log.LogInformation(ex, "Could not analyze {Table} inside a batch; it keeps its statistics", table);
            }
        }
    }
}
