using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.ProfileStore;

/// <summary>One unit of work of the platform acting for one tenant, as a background job would: its own DI scope, its
/// own pooled store context, the stores resolved from it.</summary>
internal sealed class TenantScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private TenantScope(PlatformFixture fixture, TenantKey tenant)
    {
        _scope = fixture.Factory.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(tenant);
    }

    public PlatformDbContext Db => Get<PlatformDbContext>();

    public IIdentityGraphStore GraphStore => Get<IIdentityGraphStore>();

    public static TenantScope Open(PlatformFixture fixture, TenantKey tenant) => new(fixture, tenant);

    /// <summary>A fresh tenant of org A in a sandbox no other test uses (the stores do not need the sandbox to exist).</summary>
    public static TenantKey NewTenant(TestClient? client = null) => new((client ?? TestClients.OrgA).ImsOrg, Names.Sandbox("ps"));

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The graph service over this scope's store, with graph ids from <paramref name="newGraphId"/> and the
    /// given cap.</summary>
    public IdentityGraphService Graph(Func<string>? newGraphId = null, int cap = IdentityGuardrails.MaxIdentitiesPerGraph) =>
        new(GraphStore, newGraphId, cap);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in a scope of its own.</summary>
    public static async Task<T> RunAsync<T>(PlatformFixture fixture, TenantKey tenant, Func<TenantScope, Task<T>> work)
    {
        await using var scope = Open(fixture, tenant);
        return await work(scope);
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own.</summary>
    public static async Task RunAsync(PlatformFixture fixture, TenantKey tenant, Func<TenantScope, Task> work)
    {
        await using var scope = Open(fixture, tenant);
        await work(scope);
    }
}
