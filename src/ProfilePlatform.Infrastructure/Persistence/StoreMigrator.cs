using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations.</summary>
/// <remarks>EF Core takes a database-wide migration lock (an advisory lock on PostgreSQL, a lock table on
/// SQLite), so several nodes starting together over one database migrate it once.</remarks>
public static class StoreMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
