using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Sandboxes;

public sealed class SandboxServiceTests
{
    private const string Org = "ACME0000000000000000000A@AdobeOrg";
    private const string Region = "NLD2";
    private const string By = "tech-account@techacct.adobe.com";

    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly InMemorySandboxStore _store = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly SandboxOptions _options = new() { Region = Region, MaxPerOrganization = 75 };

    [Fact]
    public async Task ListAsync_EmptyStore_CreatesDefaultProd()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var page = await sut.ListAsync(Org, liveOnly: true, offset: null, limit: null, Ct);

        // Assert
        var prod = Assert.Single(page.Sandboxes);
        Assert.Equal("prod", prod.Name);
        Assert.True(prod.IsDefault);
        Assert.Equal(SandboxType.Production, prod.Type);
        Assert.Equal(Org, prod.ImsOrg);
        Assert.Equal(Region, prod.Region);
        Assert.Equal(_clock.Now, prod.CreatedDate);
        Assert.Equal(1, page.Total);
        Assert.Single(_store.All);
    }

    [Fact]
    public async Task GetAsync_ProdOnEmptyStore_CreatesAndReturnsDefault()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var prod = await sut.GetAsync(Org, "prod", Ct);

        // Assert
        Assert.True(prod.IsDefault);
        Assert.Same(prod, Assert.Single(_store.All));
    }

    [Fact]
    public async Task ResolveActiveAsync_ProdOnEmptyStore_CreatesAndReturnsDefault()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var prod = await sut.ResolveActiveAsync(Org, "prod", Ct);

        // Assert
        Assert.NotNull(prod);
        Assert.True(prod.IsDefault);
        Assert.Equal(SandboxState.Active, prod.State);
        Assert.Same(prod, Assert.Single(_store.All));
    }

    [Fact]
    public async Task ResolveActiveAsync_RepeatedForProd_CreatesDefaultOnlyOnce()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var first = await sut.ResolveActiveAsync(Org, "prod", Ct);
        var second = await sut.ResolveActiveAsync(Org, "prod", Ct);
        await sut.ListAsync(Org, true, null, null, Ct);
        await sut.GetAsync(Org, "prod", Ct);

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, _store.AddCalls);
        Assert.Single(_store.All);
    }

    [Fact]
    public async Task ResolveActiveAsync_OtherNameOnEmptyStore_ReturnsNullWithoutCreatingDefault()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var sandbox = await sut.ResolveActiveAsync(Org, "acme-dev", Ct);

        // Assert
        Assert.Null(sandbox);
        Assert.Equal(0, _store.AddCalls);
    }

    [Fact]
    public async Task ResolveActiveAsync_DefaultCreatedConcurrently_SwallowsNameTakenAndReturnsTheOtherWritersProd()
    {
        // Arrange
        var sut = CreateSut();
        var othersProd = Sandbox.CreateDefault(Org, Region, _clock.Now);
        _store.BeforeNextAdd = _ => _store.Seed(othersProd);

        // Act
        var prod = await sut.ResolveActiveAsync(Org, "prod", Ct);

        // Assert
        Assert.Same(othersProd, prod);
        Assert.Same(othersProd, Assert.Single(_store.All));
    }

    [Fact]
    public async Task ResolveActiveAsync_LiveSandbox_ReturnsIt()
    {
        // Arrange
        var sut = CreateSut();
        var created = await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);

        // Act
        var resolved = await sut.ResolveActiveAsync(Org, "acme-dev", Ct);

        // Assert
        Assert.Same(created, resolved);
    }

    [Fact]
    public async Task ResolveActiveAsync_DeletedSandbox_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);

        // Act
        var resolved = await sut.ResolveActiveAsync(Org, "acme-dev", Ct);

        // Assert
        Assert.Null(resolved);
    }

    [Theory]
    [InlineData(SandboxState.Creating)]
    [InlineData(SandboxState.Resetting)]
    [InlineData(SandboxState.Deleting)]
    [InlineData(SandboxState.Failed)]
    public async Task ResolveActiveAsync_SandboxNotActive_ReturnsNull(SandboxState state)
    {
        // Arrange
        var sut = CreateSut();
        _store.Seed(WithState(Sandbox.Create(Org, "acme-dev", "Acme Dev", "development", Region, By, _clock.Now), state));

        // Act
        var resolved = await sut.ResolveActiveAsync(Org, "acme-dev", Ct);

        // Assert
        Assert.Null(resolved);
    }

    [Fact]
    public async Task GetAsync_UnknownName_ThrowsNotFoundNamingSandbox()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.GetAsync(Org, "nope", Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotFound, ex.Error);
        Assert.Equal(404, ex.Error.Status);
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_DeletedSandbox_ReturnsItWithStateDeleted()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);

        // Act
        var sandbox = await sut.GetAsync(Org, "acme-dev", Ct);

        // Assert
        Assert.Equal(SandboxState.Deleted, sandbox.State);
    }

    [Fact]
    public async Task CreateAsync_ValidRequest_StoresLiveSandboxWithRegionClockAndCreator()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var sandbox = await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);

        // Assert
        Assert.Equal("acme-dev", sandbox.Name);
        Assert.Equal("Acme Dev", sandbox.Title);
        Assert.Equal(SandboxType.Development, sandbox.Type);
        Assert.Equal(SandboxState.Active, sandbox.State);
        Assert.Equal(Org, sandbox.ImsOrg);
        Assert.Equal(Region, sandbox.Region);
        Assert.Equal(_clock.Now, sandbox.CreatedDate);
        Assert.Equal(By, sandbox.CreatedBy);
        Assert.Equal(1, sandbox.ETag);
        Assert.Contains(sandbox, _store.All);
    }

    [Fact]
    public async Task CreateAsync_OnEmptyStore_AlsoCreatesDefaultProd()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);

        // Assert
        Assert.Equal(["acme-dev", "prod"], _store.All.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Single(_store.All, s => s.IsDefault);
    }

    [Fact]
    public async Task CreateAsync_InvalidName_ThrowsInvalidNameBeforeTouchingStore()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "Acme Dev", "Acme Dev", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
        Assert.Contains("'name'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.AddCalls);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task CreateAsync_NullName_ThrowsInvalidName()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, null, "Acme Dev", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidName, ex.Error);
    }

    [Fact]
    public async Task CreateAsync_InvalidType_ThrowsInvalidType()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "acme-dev", "Acme Dev", "staging", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidType, ex.Error);
        Assert.Contains("'type'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task CreateAsync_DuplicateLiveName_ThrowsAlreadyExists409()
    {
        // Arrange
        var sut = CreateSut();
        var original = await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        var addsBefore = _store.AddCalls;

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "acme-dev", "Other", "production", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.AlreadyExists, ex.Error);
        Assert.Equal(409, ex.Error.Status);
        Assert.Contains("'acme-dev'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(addsBefore, _store.AddCalls);
        Assert.Equal("Acme Dev", original.Title);
        Assert.Single(_store.All, s => s.Name == "acme-dev");
    }

    [Fact]
    public async Task CreateAsync_NameProd_ThrowsAlreadyExistsEvenOnEmptyStore()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "prod", "Mine", "production", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.AlreadyExists, ex.Error);
        var prod = Assert.Single(_store.All);
        Assert.True(prod.IsDefault);
    }

    [Fact]
    public async Task CreateAsync_AfterDelete_CreatesNewLiveSandboxAndKeepsDeletedRecord()
    {
        // Arrange
        var sut = CreateSut();
        var first = await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var second = await sut.CreateAsync(Org, "acme-dev", "Acme Dev 2", "production", By, Ct);

        // Assert
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(SandboxState.Active, second.State);
        Assert.Equal(1, second.ETag);
        Assert.Equal(SandboxState.Deleted, first.State);
        Assert.Equal(2, _store.All.Count(s => s.Name == "acme-dev"));
        Assert.Same(second, await sut.GetAsync(Org, "acme-dev", Ct));
        Assert.Same(second, await sut.ResolveActiveAsync(Org, "acme-dev", Ct));
    }

    [Fact]
    public async Task CreateAsync_AtLimit_ThrowsLimitReachedNamingLimit()
    {
        // Arrange
        _options.MaxPerOrganization = 3;
        var sut = CreateSut();
        await sut.CreateAsync(Org, "dev-1", "Dev 1", "development", By, Ct);
        await sut.CreateAsync(Org, "dev-2", "Dev 2", "development", By, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "dev-3", "Dev 3", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.LimitReached, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPerOrganization", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_store.All, s => s.Name == "dev-3");
    }

    [Fact]
    public async Task CreateAsync_LimitOne_DefaultProdCountsTowardsLimit()
    {
        // Arrange
        _options.MaxPerOrganization = 1;
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "dev-1", "Dev 1", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.LimitReached, ex.Error);
    }

    [Fact]
    public async Task CreateAsync_AtLimitAfterDeletingOne_Succeeds()
    {
        // Arrange
        _options.MaxPerOrganization = 2;
        var sut = CreateSut();
        await sut.CreateAsync(Org, "dev-1", "Dev 1", "development", By, Ct);
        await sut.DeleteAsync(Org, "dev-1", By, Ct);

        // Act
        var sandbox = await sut.CreateAsync(Org, "dev-2", "Dev 2", "development", By, Ct);

        // Assert
        Assert.Equal(SandboxState.Active, sandbox.State);
        Assert.Equal(2, await _store.CountAsync(liveOnly: true, Ct));
    }

    [Fact]
    public async Task CreateAsync_AtLimitWithDuplicateName_ReportsAlreadyExistsBeforeLimit()
    {
        // Arrange
        _options.MaxPerOrganization = 2;
        var sut = CreateSut();
        await sut.CreateAsync(Org, "dev-1", "Dev 1", "development", By, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "dev-1", "Dev 1", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.AlreadyExists, ex.Error);
    }

    [Fact]
    public async Task CreateAsync_StoreReportsNameTakenByConcurrentWriter_ThrowsAlreadyExists()
    {
        // Arrange
        var sut = CreateSut();
        await sut.ListAsync(Org, true, null, null, Ct); // the default exists, so the next Add is the user's sandbox
        var winner = Sandbox.Create(Org, "acme-dev", "Winner", "development", Region, "other-node", _clock.Now);
        _store.BeforeNextAdd = _ => _store.Seed(winner);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.CreateAsync(Org, "acme-dev", "Loser", "development", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.AlreadyExists, ex.Error);
        Assert.Equal(409, ex.Error.Status);
        Assert.Contains("'acme-dev'", ex.Message, StringComparison.Ordinal);
        Assert.Same(winner, Assert.Single(_store.All, s => s.Name == "acme-dev"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    public async Task ListAsync_LimitOutOfRange_ThrowsInvalidRequestNamingLimit(int limit)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ListAsync(Org, true, 0, limit, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidRequest, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'limit'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"is {limit}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.AddCalls);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task ListAsync_NegativeOffset_ThrowsInvalidRequestNamingOffset(int offset)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ListAsync(Org, true, offset, 10, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidRequest, ex.Error);
        Assert.Contains("'offset'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.AddCalls);
    }

    [Fact]
    public async Task ListAsync_BothOutOfRange_ReportsOffsetFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ListAsync(Org, true, -1, 0, Ct));

        // Assert
        Assert.Contains("'offset'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task ListAsync_LimitAtBounds_IsAccepted(int limit)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var page = await sut.ListAsync(Org, true, 0, limit, Ct);

        // Assert
        Assert.Equal(limit, page.Limit);
        Assert.Single(page.Sandboxes);
    }

    [Fact]
    public async Task ListAsync_NoPaging_UsesOffsetZeroAndDefaultLimit()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var page = await sut.ListAsync(Org, true, null, null, Ct);

        // Assert
        Assert.Equal(0, page.Offset);
        Assert.Equal(SandboxService.DefaultLimit, page.Limit);
        Assert.Equal(50, page.Limit);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_FirstPage_ReturnsStorePageWithTotalAndHasMore()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 4); // plus prod: 5 in total

        // Act
        var page = await sut.ListAsync(Org, true, 0, 2, Ct);

        // Assert
        Assert.Equal(["prod", "dev-1"], page.Sandboxes.Select(s => s.Name));
        Assert.Equal(5, page.Total);
        Assert.Equal(0, page.Offset);
        Assert.Equal(2, page.Limit);
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_MiddlePage_HasMore()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 4);

        // Act
        var page = await sut.ListAsync(Org, true, 2, 2, Ct);

        // Assert
        Assert.Equal(["dev-2", "dev-3"], page.Sandboxes.Select(s => s.Name));
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_LastPartialPage_HasNoMore()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 4);

        // Act
        var page = await sut.ListAsync(Org, true, 4, 2, Ct);

        // Assert
        Assert.Equal(["dev-4"], page.Sandboxes.Select(s => s.Name));
        Assert.Equal(5, page.Total);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_ExactlyFullLastPage_HasNoMore()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 3);

        // Act
        var page = await sut.ListAsync(Org, true, 2, 2, Ct);

        // Assert
        Assert.Equal(2, page.Sandboxes.Count);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_OffsetPastEnd_ReturnsEmptyPageWithTotal()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 2);

        // Act
        var page = await sut.ListAsync(Org, true, 10, 5, Ct);

        // Assert
        Assert.Empty(page.Sandboxes);
        Assert.Equal(3, page.Total);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ListAsync_LiveOnly_ExcludesDeletedFromPageAndTotal()
    {
        // Arrange
        var sut = CreateSut();
        await SeedDevSandboxes(sut, 3);
        await sut.DeleteAsync(Org, "dev-2", By, Ct);

        // Act
        var live = await sut.ListAsync(Org, liveOnly: true, 0, 10, Ct);
        var all = await sut.ListAsync(Org, liveOnly: false, 0, 10, Ct);

        // Assert
        Assert.Equal(["prod", "dev-1", "dev-3"], live.Sandboxes.Select(s => s.Name));
        Assert.Equal(3, live.Total);
        Assert.Equal(["prod", "dev-1", "dev-2", "dev-3"], all.Sandboxes.Select(s => s.Name));
        Assert.Equal(4, all.Total);
    }

    [Fact]
    public async Task RetitleAsync_LiveSandbox_SavesWithoutErasingData()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        var created = _clock.Now;
        _clock.Advance(TimeSpan.FromHours(1));

        // Act
        var sandbox = await sut.RetitleAsync(Org, "acme-dev", "Renamed", "editor", Ct);

        // Assert
        Assert.Equal("Renamed", sandbox.Title);
        Assert.Equal(2, sandbox.ETag);
        Assert.Equal(_clock.Now, sandbox.LastModifiedDate);
        Assert.Equal(created, sandbox.CreatedDate);
        Assert.Equal("editor", sandbox.ModifiedBy);
        Assert.Equal([("acme-dev", false)], _store.Saves);
    }

    [Fact]
    public async Task RetitleAsync_InvalidTitle_ThrowsInvalidTitleWithoutSaving()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.RetitleAsync(Org, "acme-dev", " ", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidTitle, ex.Error);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task RetitleAsync_UnknownSandbox_ThrowsNotFound()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.RetitleAsync(Org, "nope", "Title", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotFound, ex.Error);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task RetitleAsync_DeletedSandbox_ThrowsNotActiveWithoutSaving()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);
        _store.Saves.Clear();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.RetitleAsync(Org, "acme-dev", "Title", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task ResetAsync_ActionReset_ErasesDataAndBumpsETag()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        _clock.Advance(TimeSpan.FromMinutes(3));

        // Act
        var sandbox = await sut.ResetAsync(Org, "acme-dev", "reset", "resetter", Ct);

        // Assert
        Assert.Equal(SandboxState.Active, sandbox.State);
        Assert.Equal(2, sandbox.ETag);
        Assert.Equal(_clock.Now, sandbox.LastModifiedDate);
        Assert.Equal("resetter", sandbox.ModifiedBy);
        Assert.Equal([("acme-dev", true)], _store.Saves);
    }

    [Fact]
    public async Task ResetAsync_DefaultProd_ErasesData()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var sandbox = await sut.ResetAsync(Org, "prod", "reset", By, Ct);

        // Assert
        Assert.True(sandbox.IsDefault);
        Assert.Equal([("prod", true)], _store.Saves);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Reset")]
    [InlineData("RESET")]
    [InlineData(" reset")]
    [InlineData("delete")]
    public async Task ResetAsync_OtherAction_ThrowsInvalidActionWithoutSaving(string? action)
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ResetAsync(Org, "acme-dev", action, By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidAction, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("'action'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"reset\"", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Saves);
        Assert.Equal(1, (await sut.GetAsync(Org, "acme-dev", Ct)).ETag);
    }

    [Fact]
    public async Task ResetAsync_InvalidActionOnUnknownSandbox_ReportsActionFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ResetAsync(Org, "nope", "wipe", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.InvalidAction, ex.Error);
    }

    [Fact]
    public async Task ResetAsync_UnknownSandbox_ThrowsNotFound()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ResetAsync(Org, "nope", "reset", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotFound, ex.Error);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task ResetAsync_DeletedSandbox_ThrowsNotActiveWithoutErasing()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);
        _store.Saves.Clear();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.ResetAsync(Org, "acme-dev", "reset", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Empty(_store.Saves);
    }

    [Fact]
    public async Task DeleteAsync_LiveSandbox_MarksDeletedAndErasesData()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        _clock.Advance(TimeSpan.FromSeconds(30));

        // Act
        var sandbox = await sut.DeleteAsync(Org, "acme-dev", "deleter", Ct);

        // Assert
        Assert.Equal(SandboxState.Deleted, sandbox.State);
        Assert.Equal(2, sandbox.ETag);
        Assert.Equal(_clock.Now, sandbox.LastModifiedDate);
        Assert.Equal("deleter", sandbox.ModifiedBy);
        Assert.Equal([("acme-dev", true)], _store.Saves);
        Assert.Equal(SandboxState.Deleted, (await sut.GetAsync(Org, "acme-dev", Ct)).State);
    }

    [Fact]
    public async Task DeleteAsync_DefaultProd_ThrowsDefaultNotDeletableWithoutSaving()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.DeleteAsync(Org, "prod", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.DefaultNotDeletable, ex.Error);
        Assert.Empty(_store.Saves);
        Assert.NotNull(await sut.ResolveActiveAsync(Org, "prod", Ct));
    }

    [Fact]
    public async Task DeleteAsync_UnknownSandbox_ThrowsNotFound()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.DeleteAsync(Org, "nope", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotFound, ex.Error);
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_AlreadyDeleted_ThrowsNotActiveWithoutErasingAgain()
    {
        // Arrange
        var sut = CreateSut();
        await sut.CreateAsync(Org, "acme-dev", "Acme Dev", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => sut.DeleteAsync(Org, "acme-dev", By, Ct));

        // Assert
        Assert.Same(ErrorCatalog.Sandboxes.NotActive, ex.Error);
        Assert.Single(_store.Saves);
    }

    [Fact]
    public async Task DeleteAsync_AfterRecreate_DeletesTheLiveOne()
    {
        // Arrange
        var sut = CreateSut();
        var first = await sut.CreateAsync(Org, "acme-dev", "One", "development", By, Ct);
        await sut.DeleteAsync(Org, "acme-dev", By, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sut.CreateAsync(Org, "acme-dev", "Two", "development", By, Ct);

        // Act
        var deleted = await sut.DeleteAsync(Org, "acme-dev", By, Ct);

        // Assert
        Assert.Same(second, deleted);
        Assert.Equal(SandboxState.Deleted, second.State);
        Assert.Equal(2, first.ETag);
    }

    private SandboxService CreateSut() => new(_store, _options, _clock);

    private async Task SeedDevSandboxes(SandboxService sut, int count)
    {
        await sut.ListAsync(Org, true, null, null, Ct);
        for (var i = 1; i <= count; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await sut.CreateAsync(Org, $"dev-{i}", $"Dev {i}", "development", By, Ct);
        }
    }

    private static Sandbox WithState(Sandbox sandbox, SandboxState state)
    {
        typeof(Sandbox).GetProperty(nameof(Sandbox.State))!.SetValue(sandbox, state);
        return sandbox;
    }
}
