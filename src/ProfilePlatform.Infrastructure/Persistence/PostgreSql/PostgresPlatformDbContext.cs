using Microsoft.EntityFrameworkCore;

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql;

/// <summary>The platform store on PostgreSQL: production and scale-out (several API nodes, one database).</summary>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options)
    : PlatformDbContext(options);
