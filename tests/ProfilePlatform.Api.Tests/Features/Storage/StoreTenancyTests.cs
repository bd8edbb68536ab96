using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.Storage;

/// <summary>Tenancy is enforced in the store itself: no query or write can cross organizations or sandboxes,
/// whatever the code above it does.</summary>
public abstract class StoreTenancyTests(PlatformFixture fixture)
{
    private static readonly HashSet<Type> SystemTables = [typeof(SigningKeyRecord), typeof(ProfilePlatform.Infrastructure.Ingestion.IngestionJobRecord), typeof(ProfilePlatform.Infrastructure.Streaming.StreamingMessageRow)];

    [Fact]
    public async Task Query_UnderAnotherOrg_SeesNothing()
    {
        // Arrange
        var name = Names.Sandbox();
        await InScope(TestClients.OrgA.ImsOrg, async db =>
        {
            db.Sandboxes.Add(Sandbox.Create(TestClients.OrgA.ImsOrg, name, "A", "development", "VA7", "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        // Act
        var seenByB = await InScope(TestClients.OrgB.ImsOrg, db => db.Sandboxes.Where(s => s.Name == name).CountAsync());
        var seenByA = await InScope(TestClients.OrgA.ImsOrg, db => db.Sandboxes.Where(s => s.Name == name).CountAsync());

        // Assert
        Assert.Equal(0, seenByB);
        Assert.Equal(1, seenByA);
    }

    [Fact]
    public async Task Query_WithNoTenancyResolved_SeesNothing()
    {
        // Arrange
        await InScope(TestClients.OrgA.ImsOrg, async db =>
        {
            db.Sandboxes.Add(Sandbox.Create(TestClients.OrgA.ImsOrg, Names.Sandbox(), "A", "development", "VA7", "test", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        // Act: fails closed
        var seen = await InScope(null, db => db.Sandboxes.CountAsync());

        // Assert
        Assert.Equal(0, seen);
    }

    [Fact]
    public async Task Save_RowOfAnotherOrg_Throws()
    {
        // Act
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => InScope(TestClients.OrgB.ImsOrg, async db =>
        {
            db.Sandboxes.Add(Sandbox.Create(TestClients.OrgA.ImsOrg, Names.Sandbox(), "smuggled", "development", "VA7", "test", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        }));

        // Assert
        Assert.Contains("another organization", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_EveryTable_IsScopedToATenantOrIsADeclaredSystemTable()
    {
        // Arrange
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        // Act
        var unscoped = db.Model.GetEntityTypes()
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !typeof(IOrgOwned).IsAssignableFrom(t.ClrType) && !SystemTables.Contains(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToList();
        var keysWithoutTenancy = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || typeof(IOrgOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindPrimaryKey()!.Properties.All(p => p.Name != "ImsOrg"))
            .Select(t => t.ClrType.Name)
            .ToList();

        // Assert
        Assert.Empty(unscoped);
        Assert.Empty(keysWithoutTenancy);
    }

    [Fact]
    public async Task Migrations_AreAllApplied()
    {
        // Arrange
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        // Act
        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        // Assert
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    private async Task<T> InScope<T>(string? imsOrg, Func<PlatformDbContext, Task<T>> work)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        if (imsOrg is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenancyContext>().SetOrganization(imsOrg);
        }

        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task InScope(string imsOrg, Func<PlatformDbContext, Task> work) => InScope<int>(imsOrg, async db =>
    {
        await work(db);
        return 0;
    });
}

public sealed class StoreTenancyTestsPostgres(PostgresPlatform fixture) : StoreTenancyTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class StoreTenancyTestsSqlite(SqlitePlatform fixture) : StoreTenancyTests(fixture), IClassFixture<SqlitePlatform>;
