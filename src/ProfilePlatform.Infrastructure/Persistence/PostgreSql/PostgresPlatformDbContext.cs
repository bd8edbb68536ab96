using Microsoft.EntityFrameworkCore;

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql;

/// <summary>The platform store on PostgreSQL: production and scale-out (several API nodes, one database).</summary>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options)
    : PlatformDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Landed records keep the exact JSON text ingestion wrote (see DatasetRecordRow); json checks it is JSON.
        modelBuilder.Entity<Ingestion.DatasetRecordRow>().Property(r => r.Record).HasColumnType("json");
    }
}
