using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Ingestion;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Refreshes PostgreSQL's planner statistics of the tables a large batch fills.</summary>
/// <remarks>Autovacuum analyzes a table about a minute after it changed; until then the planner still sees the table
/// as it was, typically empty after a sandbox's first batch, and a join planned for an empty table (a nested loop
/// scanning the whole tenant per outer row) made the next dataset DELETE time out. ANALYZE samples a bounded number of
/// rows, so it costs well under a second per table whatever the batch's size. A failure only costs plan quality: it is
/// logged, never the batch's outcome.</remarks>
internal static class PlannerStatistics
{
    private static readonly Type[] BulkFilledTables =
    [
        typeof(DatasetRecordRow),
        typeof(IdentityVertexRecord),
        typeof(IdentityLinkRecord),
        typeof(IdentityLinkSourceRecord),
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
}
