using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>The platform booted in-process over a real store (PostgreSQL or SQLite), configured with <see cref="TestClients"/>.</summary>
public sealed class PlatformFactory(
    string provider,
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public string Provider { get; } = provider;

    public string ConnectionString { get; } = connectionString;

    /// <summary>A platform on a fresh SQLite file.</summary>
    public static PlatformFactory Sqlite(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pp-test-{Guid.NewGuid():N}.db");
        return new PlatformFactory("Sqlite", $"Data Source={file}", settings, services);
    }

    /// <summary>A platform on a fresh PostgreSQL database.</summary>
    public static async Task<PlatformFactory> PostgresAsync(string prefix, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new("Postgres", await PostgresServer.CreateDatabaseAsync(prefix), settings, services);

    /// <summary>A second node over the same store: same database, its own process state.</summary>
    public PlatformFactory SecondNode(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(Provider, ConnectionString, settings, services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", Provider);
        builder.UseSetting(Provider == "Postgres" ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Ims:SigningKey", TestClients.SigningKey);
        builder.UseSetting("Gateway:MaxRequestBodyBytes", "65536");
        for (var i = 0; i < TestClients.All.Count; i++)
        {
            var c = TestClients.All[i];
            builder.UseSetting($"Ims:Clients:{i}:ClientId", c.ClientId);
            builder.UseSetting($"Ims:Clients:{i}:ClientSecret", c.ClientSecret);
            builder.UseSetting($"Ims:Clients:{i}:ImsOrg", c.ImsOrg);
            builder.UseSetting($"Ims:Clients:{i}:TenantId", c.TenantId);
            builder.UseSetting($"Ims:Clients:{i}:TechnicalAccountId", c.TechnicalAccountId);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        // Test-only endpoints that throw, to check the error formats end to end.
        builder.ConfigureServices(s => s.AddControllers().AddApplicationPart(typeof(PlatformFactory).Assembly));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
