using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

public sealed class MergePolicyServiceTests
{
    private const string Org = "ORG@AdobeOrg";
    private static readonly TenantKey Tenant = new(Org, "acme-dev");
    private readonly InMemoryMergePolicyStore _store = new();
    private readonly InMemorySandboxStore _sandboxes = new();
    private readonly InMemoryCatalogStores _catalog = new();
    private readonly FakeMergePolicyClasses _classes = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly MergePolicyService _sut;

    public MergePolicyServiceTests()
    {
        _sandboxes.Seed(Sandbox.Create(Org, "acme-dev", "Acme Dev", "development", "VA7", "by", _clock.Now));
        _sut = new MergePolicyService(_store, _sandboxes, _catalog, _classes, _clock);
    }

    [Fact]
    public async Task List_FirstUse_ProvisionsAndRendersTheSandbox()
    {
        // Act
        var list = await _sut.ListAsync(Tenant, MergePolicyQuery.Parse(new Dictionary<string, IReadOnlyList<string>>()), default);

        // Assert
        var policy = Assert.Single(list["children"]!.AsArray())!;
        Assert.Equal(MergePolicy.SystemDefaultName, policy["name"]!.GetValue<string>());
        Assert.Equal(_sandboxes.All[0].Id.ToString(), policy["sandbox"]!["sandboxId"]!.GetValue<string>());
        Assert.Equal("development", policy["sandbox"]!["type"]!.GetValue<string>());
        Assert.Equal(Org, policy["imsOrgId"]!.GetValue<string>());
        Assert.Equal(1, _store.Saves);
    }

    [Fact]
    public async Task Reads_AfterProvisioning_SaveNothing()
    {
        // Arrange
        await _sut.DefaultForAsync(Tenant, MergePolicy.ProfileClass, default);

        // Act
        var policy = await _sut.DefaultForAsync(Tenant, MergePolicy.ProfileClass, default);
        await _sut.GetAsync(Tenant, policy.Id, default);

        // Assert
        Assert.Equal(1, _store.Saves);
    }

    [Fact]
    public async Task Create_AnotherWriterSavedFirst_IsReappliedOnFreshState()
    {
        // Arrange
        await _sut.DefaultForAsync(Tenant, MergePolicy.ProfileClass, default);
        _store.BeforeSaves.Enqueue(_store.Bump);

        // Act
        var created = await _sut.CreateAsync(Tenant, Body(isDefault: true), default);

        // Assert
        Assert.Equal(1, _store.Conflicts);
        Assert.Equal(2, _store.Policies.Count);
        var old = _store.Policies.Single(p => p.Id != created["id"]!.GetValue<string>());
        Assert.False(old.Default);
        Assert.Equal(2, old.Version); // cleared once, not once per attempt
    }

    [Fact]
    public async Task Change_ConflictingEveryTime_GivesUpWithConcurrentChange()
    {
        // Arrange
        await _sut.DefaultForAsync(Tenant, MergePolicy.ProfileClass, default);
        for (var i = 0; i < MergePolicyService.MaxAttempts; i++)
        {
            _store.BeforeSaves.Enqueue(_store.Bump);
        }

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Body(), default));

        // Assert
        Assert.Same(ErrorCatalog.Profile.ConcurrentChange, ex.Error);
        Assert.Single(_store.Policies);
    }

    [Fact]
    public async Task Create_UnknownDatasets_Are400NamingThem()
    {
        // Arrange
        var dataset = Dataset.Create(Tenant, "sb", DatasetFields.Parse(JsonNode.Parse("""{"schemaRef":{"id":"s"}}""")!.AsObject()), new CatalogAuthor("c", "u"), _clock.Now);
        await _catalog.AddAsync(dataset, default);

        // Act
        var ok = await _sut.CreateAsync(Tenant, Body(order: [dataset.Id]), default);
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Body(order: [dataset.Id, "missing1"]), default));

        // Assert
        Assert.Equal(dataset.Id, ok["attributeMerge"]!["order"]![0]!.GetValue<string>());
        Assert.Same(ErrorCatalog.Profile.DatasetNotFound, ex.Error);
        Assert.Contains("missing1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dataset.Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NotARecordClass_Is400()
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.CreateAsync(Tenant, Body(schema: "_xdm.context.experienceevent"), default));

        // Assert
        Assert.Same(ErrorCatalog.Profile.SchemaClassNotFound, ex.Error);
    }

    [Fact]
    public async Task Patch_RechecksDatasetsOfTheResultingOrder()
    {
        // Arrange
        var created = await _sut.CreateAsync(Tenant, Body(), default);

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(Tenant, created["id"]!.GetValue<string>(), JsonNode.Parse("""
            [{"op":"add","path":"/attributeMerge/order","value":["ghost"]},{"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"}]
            """), default));

        // Assert
        Assert.Same(ErrorCatalog.Profile.DatasetNotFound, ex.Error);
    }

    [Fact]
    public async Task BulkGet_UnknownIdsAreLeftOut()
    {
        // Arrange
        var created = await _sut.CreateAsync(Tenant, Body(), default);
        var id = created["id"]!.GetValue<string>();

        // Act
        var answer = await _sut.BulkGetAsync(Tenant, JsonNode.Parse($$"""{"ids":[{"id":"nope"},{"id":"{{id}}"}]}"""), default);

        // Assert
        Assert.Equal([id], answer["results"]!.AsObject().Select(r => r.Key));
    }

    [Fact]
    public async Task ReplaceAndPatch_UnknownId_Is404BeforeTheBodyIsRead()
    {
        // Act
        var put = await Assert.ThrowsAsync<AepException>(() => _sut.ReplaceAsync(Tenant, "nope", JsonNode.Parse("{}"), default));
        var patch = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(Tenant, "nope", JsonNode.Parse("[]"), default));

        // Assert
        Assert.Same(ErrorCatalog.Profile.MergePolicyNotFound, put.Error);
        Assert.Same(ErrorCatalog.Profile.MergePolicyNotFound, patch.Error);
    }

    private static JsonNode Body(bool isDefault = false, string[]? order = null, string schema = MergePolicy.ProfileClass)
    {
        var merge = order is null
            ? new JsonObject { ["type"] = "timestampOrdered" }
            : new JsonObject { ["type"] = "dataSetPrecedence", ["order"] = new JsonArray([.. order.Select(o => (JsonNode)JsonValue.Create(o))]) };
        return new JsonObject
        {
            ["name"] = "P",
            ["schema"] = new JsonObject { ["name"] = schema },
            ["identityGraph"] = new JsonObject { ["type"] = "pdg" },
            ["attributeMerge"] = merge,
            ["default"] = isDefault,
        };
    }
}
