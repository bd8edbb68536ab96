namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>One platform per test class, on one store; subclasses pick the store.</summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    private PlatformFactory? _factory;

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        _factory = await CreateAsync();
        _ = _factory.Server; // boots the host: migrations run now, not inside the first test
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Another platform over the same store, with extra settings.</summary>
    public PlatformFactory NewNode(IReadOnlyDictionary<string, string?>? settings = null) => Factory.SecondNode(settings);

    protected abstract Task<PlatformFactory> CreateAsync();
}

/// <summary>The platform over a throwaway PostgreSQL database.</summary>
public sealed class PostgresPlatform : PlatformFixture
{
    public override string Provider => "Postgres";

    protected override Task<PlatformFactory> CreateAsync() => PlatformFactory.PostgresAsync("api");
}

/// <summary>The platform over a throwaway SQLite file (the embedded default).</summary>
public sealed class SqlitePlatform : PlatformFixture
{
    public override string Provider => "Sqlite";

    protected override Task<PlatformFactory> CreateAsync() => Task.FromResult(PlatformFactory.Sqlite());
}

/// <summary>A platform a test built itself (extra settings or services, several nodes), in the fixture shape the feature
/// helpers take. The test disposes it.</summary>
public sealed class GivenPlatform(PlatformFactory factory) : PlatformFixture
{
    public override string Provider => factory.Provider;

    public static async Task<GivenPlatform> StartAsync(PlatformFactory factory)
    {
        var platform = new GivenPlatform(factory);
        await platform.InitializeAsync();
        return platform;
    }

    protected override Task<PlatformFactory> CreateAsync() => Task.FromResult(factory);
}
