using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProfilePlatform.Infrastructure.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
