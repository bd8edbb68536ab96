using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using ProfilePlatform.Api.Tests.Features.ProfileStore;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.Storage;

/// <summary>A batch's transaction repairs statistics that describe a filled table as empty (PostgreSQL only: SQLite
/// plans without statistics of this kind). Its own database, because the state depends on the whole table.</summary>
public sealed class PlannerStatisticsTests(PostgresPlatform fixture) : IClassFixture<PostgresPlatform>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task StaleEmptyStatistics_InsideTheBatchTransaction_AreRefreshedSoKeyLookupsUseTheKey()
    {
        // Arrange: a large table emptied and analyzed (zero rows, thousands of pages), as after a dataset DELETE.
        var tenant = TenantScope.NewTenant();
        await EmptyAfterLargeDeleteAsync(tenant);
        var (tuplesBefore, pagesBefore) = await TenantScope.RunAsync(fixture, tenant, s => StatisticsAsync(s.Db));
        Assert.Equal(0, tuplesBefore);
        Assert.True(pagesBefore > 1024, $"precondition: {pagesBefore} pages");

        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var transaction = await s.Db.Database.BeginTransactionAsync(Ct);
            await InsertVerticesAsync(s.Db, tenant.ImsOrg, tenant.Sandbox, "new", 60_000);
            Assert.Matches(@"Filter: \(\(xid\)::text = ANY", await PlanAsync(s.Db, tenant.ImsOrg, tenant.Sandbox)); // the tenant's whole key range, filtered

            // Act
            await PlannerStatistics.RefreshStaleInTransactionAsync(s.Db, NullLogger.Instance, Ct);

            // Assert: the batch's own rows are counted, and the lookup's key condition is an index condition.
            var (tuples, _) = await StatisticsAsync(s.Db);
            Assert.InRange(tuples, 30_000, 120_000);
            Assert.Matches(@"Index Cond: \(.*xid\)::text = ANY", await PlanAsync(s.Db, tenant.ImsOrg, tenant.Sandbox));
            await transaction.RollbackAsync(Ct);
        });
    }

    [Fact]
    public async Task TableLockedByAnotherAnalyze_GivesUpAndTheTransactionGoesOn()
    {
        // Arrange: stale statistics, and another session holding the table's ANALYZE lock in an open transaction.
        var tenant = TenantScope.NewTenant();
        await EmptyAfterLargeDeleteAsync(tenant);
        await using var holder = TenantScope.Open(fixture, tenant);
        await using var held = await holder.Db.Database.BeginTransactionAsync(Ct);
        await holder.Db.Database.ExecuteSqlRawAsync("LOCK TABLE identity_vertices IN SHARE UPDATE EXCLUSIVE MODE", Ct);

        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var transaction = await s.Db.Database.BeginTransactionAsync(Ct);
            await InsertVerticesAsync(s.Db, tenant.ImsOrg, tenant.Sandbox, "new", 1_000);

            // Act
            await PlannerStatistics.RefreshStaleInTransactionAsync(s.Db, NullLogger.Instance, Ct);

            // Assert: statistics unchanged, the transaction usable, its rows intact, no lock timeout left behind.
            Assert.Equal(0, (await StatisticsAsync(s.Db)).Tuples);
            Assert.Equal(1_000, await s.Db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM identity_vertices").SingleAsync(Ct));
            Assert.Equal("0", await s.Db.Database.SqlQueryRaw<string>("SELECT current_setting('lock_timeout') AS \"Value\"").SingleAsync(Ct));
            await transaction.CommitAsync(Ct);
        });
        await held.RollbackAsync(Ct);
        Assert.Equal(1_000, await TenantScope.RunAsync(fixture, tenant, s => s.Db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM identity_vertices").SingleAsync(Ct)));
        await TenantScope.RunAsync(fixture, tenant, s => s.Db.Database.ExecuteSqlRawAsync("DELETE FROM identity_vertices", Ct));
    }

    /// <summary>Fills identity_vertices, deletes every row and analyzes it: zero rows estimated over thousands of pages.</summary>
    private Task EmptyAfterLargeDeleteAsync(TenantKey tenant) =>
        TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await InsertVerticesAsync(s.Db, tenant.ImsOrg, tenant.Sandbox, "old", 60_000);
            await s.Db.Database.ExecuteSqlRawAsync("DELETE FROM identity_vertices", Ct);
            await s.Db.Database.ExecuteSqlRawAsync("ANALYZE identity_vertices", Ct);
        });

    private static Task InsertVerticesAsync(PlatformDbContext db, string org, string sandbox, string prefix, int count) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO identity_vertices (ims_org, sandbox, xid, namespace_code, value, id_type, graph_id, last_updated)
            SELECT {0}, {1}, {2} || g, 'Email', repeat('v', 120) || g, 'EMAIL', 'graph-' || g, now()
            FROM generate_series(1, {3}) g
            """,
            [org, sandbox, prefix, count],
            Ct);

    private static async Task<(double Tuples, long Pages)> StatisticsAsync(PlatformDbContext db)
    {
        var rows = await db.Database.SqlQueryRaw<Stat>(
            "SELECT reltuples::float8 AS \"Tuples\", (pg_relation_size(oid) / 8192)::int8 AS \"Pages\" FROM pg_class WHERE relname = 'identity_vertices'").ToListAsync(Ct);
        return (rows[0].Tuples, rows[0].Pages);
    }

    private static async Task<string> PlanAsync(PlatformDbContext db, string org, string sandbox)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new Npgsql.NpgsqlCommand(
            "EXPLAIN SELECT graph_id FROM identity_vertices WHERE ims_org = @org AND sandbox = @sandbox AND xid = ANY(@xids)", connection);
        command.Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.AddWithValue("org", org);
        command.Parameters.AddWithValue("sandbox", sandbox);
        command.Parameters.AddWithValue("xids", new[] { "new1", "new2", "new3" });
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed record Stat(double Tuples, long Pages);
}
