using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence.PostgreSql;
using ProfilePlatform.Infrastructure.Persistence.Sqlite;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Chooses and registers the platform store from configuration.</summary>
public static class PersistenceRegistration
{
    public const string DefaultSqlite = "Data Source=data/profileplatform.db";

    /// <summary>The provider named by <c>Storage:Provider</c>, else PostgreSQL when <c>ConnectionStrings:Postgres</c>
    /// is set, else the embedded SQLite default.</summary>
    public static StorageProvider ResolveProvider(IConfiguration configuration)
    {
        var named = configuration[$"{StorageOptions.Section}:Provider"];
        if (!string.IsNullOrWhiteSpace(named))
        {
            return Enum.TryParse<StorageProvider>(named, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw new InvalidOperationException($"Storage:Provider '{named}' is not a store: use 'Sqlite' or 'Postgres'.");
        }

        return string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres")) ? StorageProvider.Sqlite : StorageProvider.Postgres;
    }

    public static IServiceCollection AddPlatformStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ResolveProvider(configuration);
        services.AddSingleton(new StoreDescription(provider));
        if (provider == StorageProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
            {
                throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is empty.");
            }

            services.AddPooledDbContextFactory<PostgresPlatformDbContext>(o => o.UseNpgsql(WithPreparedStatements(cs)));
            services.AddScoped<PlatformDbContext>(sp => Rent(sp, sp.GetRequiredService<IDbContextFactory<PostgresPlatformDbContext>>()));
            services.AddSingleton<IPlatformContextFactory, PlatformContextFactory<PostgresPlatformDbContext>>();
            services.AddSingleton(_ => new Profile.ProfileLookupDataSource(WithPreparedStatements(cs)));
        }
        else
        {
            var cs = SqliteConnectionString(configuration.GetConnectionString("Sqlite") ?? DefaultSqlite, contentRoot);
            services.AddPooledDbContextFactory<SqlitePlatformDbContext>(o => o.UseSqlite(cs));
            services.AddScoped<PlatformDbContext>(sp => Rent(sp, sp.GetRequiredService<IDbContextFactory<SqlitePlatformDbContext>>()));
            services.AddSingleton<IPlatformContextFactory, PlatformContextFactory<SqlitePlatformDbContext>>();
        }

        return services;
    }

    /// <summary>A pooled context for this scope, acting for this scope's tenancy; the scope returns it to the pool.</summary>
    private static PlatformDbContext Rent<TContext>(IServiceProvider scope, IDbContextFactory<TContext> factory)
        where TContext : PlatformDbContext
    {
        var context = factory.CreateDbContext();
        context.Tenancy = scope.GetRequiredService<TenancyContext>();
        return context;
    }

    /// <summary>Point lookups run on every request (the gateway's sandbox check, later profile lookups):
    /// prepared statements roughly double PostgreSQL's rate for them, so they are on unless the connection
    /// string says otherwise.</summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 20;
        }

        return builder.ConnectionString;
    }

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder, so the first
    /// start on a bare machine needs nothing prepared.</summary>
    private static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(contentRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // Waits for a competing writer instead of failing at once.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }
}

/// <summary>Which store this node runs on, for logs and health.</summary>
public sealed record StoreDescription(StorageProvider Provider);
