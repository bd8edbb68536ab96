using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityNamespaceServiceTests
{
    private static readonly TenantKey Tenant = new("AAAA0000000000000000000A@AdobeOrg", "dev");
    private readonly InMemoryIdentityNamespaceStore _store = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly IdentityNamespaceService _sut;

    public IdentityNamespaceServiceTests()
    {
        _sut = new IdentityNamespaceService(_store, new TenantIdentityNamespaces(_store), _clock);
    }

    [Fact]
    public async Task Create_Stores_AndAnswersWithTheSpecsSpellingOfTheType()
    {
        // Act
        var answer = await _sut.CreateAsync(Tenant, Body("Loyalty Member", "Loyalty", "CROSS_device"), default);

        // Assert
        var stored = Assert.Single(_store.All);
        Assert.Equal("Cross_device", answer["idType"]!.GetValue<string>());
        Assert.Equal("Custom", answer["namespaceType"]!.GetValue<string>());
        Assert.Equal("CROSS_DEVICE", stored.IdType);
        Assert.Equal(stored.Id, answer["id"]!.GetValue<int>());
        Assert.InRange(stored.Id, IdentityNamespaceService.FirstCustomId, 99_999_999);
        Assert.Equal(_clock.Now, stored.Created);
        Assert.Equal((Tenant.ImsOrg, Tenant.Sandbox), (stored.ImsOrg, stored.Sandbox));
    }

    [Fact]
    public async Task Create_IdTakenByAnotherTenant_DrawsAnotherId()
    {
        // Arrange: every id is "taken" for the first add only
        var firstTry = true;
        var sut = new IdentityNamespaceService(new CollidingOnce(_store, () => firstTry = false), new TenantIdentityNamespaces(_store), _clock);

        // Act
        await sut.CreateAsync(Tenant, Body("Loyalty Member", "Loyalty"), default);

        // Assert
        Assert.False(firstTry);
        Assert.Single(_store.All);
    }

    [Fact]
    public async Task Create_CodeTakenByAConcurrentWriter_Is409NotARetry()
    {
        // Arrange
        _store.BeforeNextAdd = () => _store.Seed(CustomIdentityNamespace.Create(Tenant, 10000001, Fields("Other", "LOYALTY"), _clock.Now));

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Body("Loyalty Member", "Loyalty"), default));

        // Assert
        Assert.Same(ErrorCatalog.Identity.NamespaceCodeExists, ex.Error);
        Assert.Equal(1, _store.AddCalls);
    }

    [Theory]
    [InlineData("email", "Mail", "NamespaceCodeExists")]
    [InlineData("Phone", "Phone numbers", "NamespaceCodeExists")]
    [InlineData("HashedPhone", "phone (sha256)", "NamespaceNameExists")]
    public async Task Create_StandardCodeOrName_Is409(string code, string name, string entry)
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Body(name, code), default));

        // Assert
        Assert.Equal(entry, typeof(ErrorCatalog.Identity).GetFields().Single(f => ReferenceEquals(f.GetValue(null), ex.Error)).Name);
        Assert.Empty(_store.All);
    }

    [Fact]
    public async Task Update_KeepsCodeAndType_ChangesNameDescriptionAndTime()
    {
        // Arrange
        var created = await _sut.CreateAsync(Tenant, Body("Loyalty Member", "Loyalty"), default);
        _clock.Advance(TimeSpan.FromMinutes(1));

        // Act
        var answer = await _sut.UpdateAsync(Tenant, created["id"]!.ToJsonString(), JsonNode.Parse("""{"name":"Members","code":"LOYALTY","idType":"cross_device","description":"d"}"""), default);

        // Assert
        var updated = Assert.Single(answer)!;
        Assert.Equal("Members", updated["name"]!.GetValue<string>());
        Assert.Equal("Loyalty", updated["code"]!.GetValue<string>());
        Assert.Equal("d", updated["description"]!.GetValue<string>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), updated["updateTime"]!.GetValue<long>());
        Assert.Equal(_clock.Now.AddMinutes(-1).ToUnixTimeMilliseconds(), updated["createTime"]!.GetValue<long>());
    }

    [Fact]
    public async Task Get_StandardAndCustomById_UnknownIs404()
    {
        // Arrange
        var created = await _sut.CreateAsync(Tenant, Body("Loyalty Member", "Loyalty"), default);

        // Act
        var email = await _sut.GetAsync(Tenant, "6", default);
        var custom = await _sut.GetAsync(Tenant, created["id"]!.ToJsonString(), default);
        var missing = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(Tenant, "7x", default));

        // Assert
        Assert.Equal("Email", email["code"]!.GetValue<string>());
        Assert.True(custom["custom"]!.GetValue<bool>());
        Assert.Same(ErrorCatalog.Identity.NamespaceNotFound, missing.Error);
        Assert.Contains(Tenant.ImsOrg, missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StandardThenCustomById()
    {
        // Arrange
        _store.Seed(CustomIdentityNamespace.Create(Tenant, 20000000, Fields("B", "B"), _clock.Now));
        _store.Seed(CustomIdentityNamespace.Create(Tenant, 10000000, Fields("A", "A"), _clock.Now));

        // Act
        var list = await _sut.ListAsync(default);

        // Assert
        var ids = list.Select(n => n!["id"]!.GetValue<int>()).ToList();
        Assert.Equal(StandardIdentityNamespaces.All.Count + 2, ids.Count);
        Assert.Equal([10000000, 20000000], ids[^2..]);
        Assert.Equal(ids.Take(StandardIdentityNamespaces.All.Count).Order(), ids.Take(StandardIdentityNamespaces.All.Count));
    }

    private static JsonNode Body(string name, string code, string idType = "Cross_device") =>
        new JsonObject { ["name"] = name, ["code"] = code, ["idType"] = idType };

    private static IdentityNamespaceFields Fields(string name, string code) => new(name, code, IdentityTypes.CrossDevice, null);

    /// <summary>A store whose unique index refuses the first insert as if another tenant had drawn the same id.</summary>
    private sealed class CollidingOnce(InMemoryIdentityNamespaceStore inner, Action onCollision) : IIdentityNamespaceStore
    {
        private bool _collided;

        public Task<IReadOnlyList<CustomIdentityNamespace>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

        public Task<CustomIdentityNamespace?> FindAsync(int id, CancellationToken ct) => inner.FindAsync(id, ct);

        public Task<CustomIdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct) => inner.FindByCodeAsync(code, ct);

        public Task<CustomIdentityNamespace?> FindByNameAsync(string name, CancellationToken ct) => inner.FindByNameAsync(name, ct);

        public Task AddAsync(CustomIdentityNamespace ns, CancellationToken ct)
        {
            if (!_collided)
            {
                _collided = true;
                onCollision();
                throw new IdentityNamespaceTakenException("id taken");
            }

            return inner.AddAsync(ns, ct);
        }

        public Task SaveAsync(CustomIdentityNamespace ns, CancellationToken ct) => inner.SaveAsync(ns, ct);
    }
}
