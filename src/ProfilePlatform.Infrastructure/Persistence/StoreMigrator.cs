using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations.</summary>
/// <remarks>EF Core takes a database-wide migration lock (an advisory lock on PostgreSQL, a lock table on
/// SQLite), so several nodes starting together over one database migrate it once. A SQLite file is switched to
/// write-ahead logging (kept in the file): readers then never wait for a writer, so API reads go on while a batch is
/// being written, and the ingestion worker can read a file's chunks on one connection while writing on another.</remarks>
public static class StoreMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
