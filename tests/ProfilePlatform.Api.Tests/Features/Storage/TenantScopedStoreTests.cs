using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.Storage;

/// <summary>The store's tenancy mechanism on real databases, with a probe table scoped to (org, sandbox): the
/// filter every sandbox-scoped feature inherits, the refusal of cross-tenant writes, and the wipe that a sandbox
/// reset or delete performs.</summary>
public abstract class TenantScopedStoreTests : IAsyncLifetime
{
    private static readonly TenantKey A1 = new("AAAA0000000000000000000A@AdobeOrg", "prod");
    private static readonly TenantKey A2 = new("AAAA0000000000000000000A@AdobeOrg", "dev");
    private static readonly TenantKey B1 = new("BBBB0000000000000000000B@AdobeOrg", "prod");

    protected abstract Task<DbContextOptions> OptionsAsync();

    public async Task InitializeAsync()
    {
        var options = await OptionsAsync();
        Options = options;
        await using var db = new ProbeDbContext(options, new TenancyContext());
        await db.Database.EnsureCreatedAsync();
        foreach (var tenant in new[] { A1, A2, B1 })
        {
            await using var scoped = Context(tenant);
            scoped.Probes.AddRange(ProbeRow.For(tenant, "one"), ProbeRow.For(tenant, "two"));
            await scoped.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private DbContextOptions Options { get; set; } = null!;

    [Fact]
    public async Task Query_SeesOnlyTheCurrentOrgAndSandbox()
    {
        // Act
        await using var db = Context(A2);
        var rows = await db.Probes.ToListAsync();

        // Assert
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((A2.ImsOrg, A2.Sandbox), (r.ImsOrg, r.Sandbox)));
    }

    [Fact]
    public async Task Query_ByIdOfAnotherSandbox_FindsNothing()
    {
        // Arrange
        Guid idInA1;
        await using (var a1 = Context(A1))
        {
            idInA1 = (await a1.Probes.FirstAsync()).Id;
        }

        // Act
        await using var a2 = Context(A2);
        var found = await a2.Probes.Where(p => p.Id == idInA1).ToListAsync();

        // Assert
        Assert.Empty(found);
    }

    [Fact]
    public async Task Save_RowOfAnotherSandbox_Throws()
    {
        // Arrange
        await using var db = Context(A1);
        db.Probes.Add(ProbeRow.For(A2, "smuggled"));

        // Act
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        // Assert
        Assert.Contains("another organization or sandbox", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_WipesExactlyThatSandbox()
    {
        // Act
        await using (var db = Context(A1))
        {
            var deleted = await TenantDataEraser.EraseAsync(db, A1, CancellationToken.None);
            Assert.Equal(2, deleted);
        }

        // Assert
        Assert.Equal(0, await Count(A1));
        Assert.Equal(2, await Count(A2));
        Assert.Equal(2, await Count(B1));
    }

    private ProbeDbContext Context(TenantKey tenant)
    {
        var tenancy = new TenancyContext();
        tenancy.Use(tenant);
        return new ProbeDbContext(Options, tenancy);
    }

    private async Task<int> Count(TenantKey tenant)
    {
        await using var db = Context(tenant);
        return await db.Probes.CountAsync();
    }

    /// <summary>The platform's context plus one sandbox-scoped probe table.</summary>
    private sealed class ProbeDbContext : PlatformDbContext
    {
        public ProbeDbContext(DbContextOptions options, TenancyContext tenancy)
            : base(options)
        {
            Tenancy = tenancy;
        }

        public DbSet<ProbeRow> Probes => Set<ProbeRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<ProbeRow>(e =>
            {
                e.ToTable("probe_rows");
                e.HasKey(p => new { p.ImsOrg, p.Sandbox, p.Id });
            });
            base.OnModelCreating(modelBuilder);
        }
    }
}

/// <summary>A row owned by one (org, sandbox).</summary>
public sealed class ProbeRow : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public Guid Id { get; set; }

    public string Value { get; set; } = "";

    public static ProbeRow For(TenantKey tenant, string value) => new() { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Id = Guid.NewGuid(), Value = value };
}

public sealed class TenantScopedStoreTestsPostgres : TenantScopedStoreTests
{
    protected override async Task<DbContextOptions> OptionsAsync() =>
        new DbContextOptionsBuilder().UseNpgsql(await PostgresServer.CreateDatabaseAsync("probe")).Options;
}

public sealed class TenantScopedStoreTestsSqlite : TenantScopedStoreTests
{
    protected override Task<DbContextOptions> OptionsAsync() =>
        Task.FromResult(new DbContextOptionsBuilder().UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"pp-probe-{Guid.NewGuid():N}.db")}").Options);
}
