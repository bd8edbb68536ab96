using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql;

/// <summary>The platform store on PostgreSQL: production and scale-out (several API nodes, one database).</summary>
public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options, TenancyContext tenancy)
    : PlatformDbContext(options, tenancy);
