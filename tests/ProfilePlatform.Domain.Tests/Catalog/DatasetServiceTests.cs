using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class DatasetServiceTests
{
    private const string PlainSchema = "https://ns.adobe.com/acme/schemas/0000000000000000000000000000000000000000000000a1";
    private const string ProfileSchema = "https://ns.adobe.com/acme/schemas/0000000000000000000000000000000000000000000000b2";
    private const string Org = "AAAA0000000000000000000A@AdobeOrg";
    private static readonly TenantKey Tenant = new(Org, "prod");
    private static readonly CatalogAuthor Author = new("client-a", "tech-a@techacct.adobe.com");
    private static readonly CatalogAuthor Other = new("client-b", "tech-b@techacct.adobe.com");

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryCatalogStores _stores = new();
    private readonly InMemorySandboxStore _sandboxes = new();
    private readonly DatasetService _sut;

    public DatasetServiceTests()
    {
        _stores.Erasers.Add(_stores.FileEraser);
        _stores.Erasers.Add(_stores.BatchEraser);
        _sandboxes.Seed(Sandbox.CreateDefault(Org, "VA7", _clock.Now));
        var schemas = new FakeSchemaLookup().With(PlainSchema, profileEnabled: false).With(ProfileSchema, profileEnabled: true, altId: "_acme.schemas.b2");
        _sut = new DatasetService(_stores, schemas, _sandboxes, _clock);
    }

    [Fact]
    public async Task Create_ValidBody_StoresDatasetWithCatalogFields()
    {
        // Act
        var dataset = await Create($$$"""{"name":"Loyalty","schemaRef":{"id":"{{{PlainSchema}}}","contentType":"application/vnd.adobe.xed+json;version=1"}}""");

        // Assert
        var json = dataset.ToJson();
        Assert.Matches("^[0-9a-f]{24}$", dataset.Id);
        Assert.Matches("^[0-9a-f]{24}$", dataset.ViewId);
        Assert.Equal("1.0.0", json["version"]!.GetValue<string>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), json["created"]!.GetValue<long>());
        Assert.Equal(json["created"]!.GetValue<long>(), json["updated"]!.GetValue<long>());
        Assert.Equal(Org, json["imsOrg"]!.GetValue<string>());
        Assert.Equal(_sandboxes.All[0].Id.ToString(), json["sandboxId"]!.GetValue<string>());
        Assert.Equal("client-a", json["createdClient"]!.GetValue<string>());
        Assert.Equal("tech-a@techacct.adobe.com", json["createdUser"]!.GetValue<string>());
        Assert.Equal($"@/dataSets/{dataset.Id}/views/{dataset.ViewId}/files", json["files"]!.GetValue<string>());
        Assert.Equal("DRAFT", json["state"]!.GetValue<string>());
        Assert.Single(_stores.Datasets);
    }

    [Fact]
    public async Task Create_UnknownSchema_Throws400NamingSchemaRefAndStoresNothing()
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => Create("""{"schemaRef":{"id":"https://ns.adobe.com/acme/schemas/nope"}}"""));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidObject, ex.Error);
        Assert.Contains("schemaRef.id", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_stores.Datasets);
    }

    [Theory]
    [InlineData("unifiedProfile")]
    [InlineData("unifiedIdentity")]
    public async Task Create_ProfileTagOnSchemaNotEnabledForProfile_ThrowsAepsDocumentedError(string tag)
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"},"tags":{"{{{tag}}}":["enabled:true"]}}"""));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.ProfileSchemaInvalid, ex.Error);
        Assert.StartsWith("To enable profile datasets the schema should be valid", ex.Message, StringComparison.Ordinal);
        Assert.Contains(tag, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_stores.Datasets);
    }

    [Fact]
    public async Task Create_ProfileTagsOnProfileEnabledSchema_Accepted()
    {
        // Act
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{ProfileSchema}}}"},"tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""");

        // Assert
        Assert.True(dataset.Tags.ProfileEnabled);
        Assert.True(dataset.Tags.IdentityEnabled);
    }

    [Fact]
    public async Task Create_ProfileTagDisabled_NeedsNoProfileSchema()
    {
        // Act
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"},"tags":{"unifiedProfile":["enabled:false"]}}""");

        // Assert
        Assert.False(dataset.Tags.ProfileEnabled);
    }

    [Fact]
    public async Task Create_SchemaByAltId_StoresCanonicalId()
    {
        // Act
        var dataset = await Create("""{"schemaRef":{"id":"_acme.schemas.b2"}}""");

        // Assert
        Assert.Equal(ProfileSchema, dataset.SchemaRef.Id);
        Assert.Equal(ProfileSchema, dataset.SchemaId);
    }

    [Fact]
    public async Task Patch_MergeObject_ReplacesNamedTopLevelFieldsKeepsOthersAndBumpsVersion()
    {
        // Arrange
        var dataset = await Create($$$"""{"name":"Old","description":"keep me","schemaRef":{"id":"{{{PlainSchema}}}"},"tags":{"a":["1"],"b":["2"]}}""");
        _clock.Advance(TimeSpan.FromSeconds(5));

        // Act
        await _sut.PatchAsync(dataset.Id, Json("""{"name":"New","tags":{"c":["3"]},"version":"9.9.9","files":"x"}"""), Other, null, default);

        // Assert
        var json = dataset.ToJson();
        Assert.Equal("New", json["name"]!.GetValue<string>());
        Assert.Equal("keep me", json["description"]!.GetValue<string>());
        Assert.Equal("""{"c":["3"]}""", json["tags"]!.ToJsonString());
        Assert.Equal("1.0.1", json["version"]!.GetValue<string>());
        Assert.Equal(_clock.Now.ToUnixTimeMilliseconds(), json["updated"]!.GetValue<long>());
        Assert.Equal("tech-b@techacct.adobe.com", json["updatedUser"]!.GetValue<string>());
        Assert.Equal("tech-a@techacct.adobe.com", json["createdUser"]!.GetValue<string>());
        Assert.Equal(1, _stores.Saves);
    }

    [Fact]
    public async Task Patch_NullValue_RemovesField()
    {
        // Arrange
        var dataset = await Create($$$"""{"name":"n","description":"d","schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act
        await _sut.PatchAsync(dataset.Id, Json("""{"description":null}"""), Author, null, default);

        // Assert
        Assert.Null(dataset.ToJson()["description"]);
    }

    [Fact]
    public async Task Patch_JsonPatchEnablingProfileOnPlainSchema_RefusedAndUnchanged()
    {
        // Arrange
        var dataset = await Create($$$"""{"name":"n","schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(dataset.Id, Json("""[{"op":"add","path":"/tags/unifiedProfile","value":["enabled:true"]}]"""), Author, null, default));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.ProfileSchemaInvalid, ex.Error);
        Assert.False(dataset.Tags.ProfileEnabled);
        Assert.Equal("1.0.0", dataset.Version);
        Assert.Equal(0, _stores.Saves);
    }

    [Fact]
    public async Task Patch_JsonPatchEnablingProfileOnProfileSchema_KeepsOtherTags()
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{ProfileSchema}}}"},"tags":{"adobe/pqs/table":["t"]}}""");

        // Act
        await _sut.PatchAsync(
            dataset.Id,
            Json("""[{"op":"add","path":"/tags/unifiedProfile","value":["enabled:true"]},{"op":"add","path":"/tags/unifiedIdentity","value":["enabled:true"]}]"""),
            Author,
            null,
            default);

        // Assert
        Assert.True(dataset.Tags.ProfileEnabled);
        Assert.True(dataset.Tags.IdentityEnabled);
        Assert.Equal(["t"], dataset.Tags["adobe/pqs/table"]);
    }

    [Fact]
    public async Task Patch_ChangingToUnknownSchema_Refused()
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(dataset.Id, Json("""{"schemaRef":{"id":"https://ns.adobe.com/acme/schemas/gone"}}"""), Author, null, default));

        // Assert
        Assert.Contains("schemaRef.id", ex.Message, StringComparison.Ordinal);
        Assert.Equal(PlainSchema, dataset.SchemaRef.Id);
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task Patch_BodyNeitherObjectNorArray_Throws400(string body)
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act / Assert
        await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(dataset.Id, Json(body), Author, null, default));
    }

    [Fact]
    public async Task Replace_FullBody_DropsFieldsNotSent()
    {
        // Arrange
        var dataset = await Create($$$"""{"name":"n","description":"d","schemaRef":{"id":"{{{PlainSchema}}}"},"tags":{"a":["1"]}}""");

        // Act
        await _sut.ReplaceAsync(dataset.Id, Json($$$"""{"name":"New Dataset Name","state":"DRAFT","schemaRef":{"id":"{{{PlainSchema}}}"},"files":"@/x"}""").AsObject(), Author, null, default);

        // Assert
        var json = dataset.ToJson();
        Assert.Equal("New Dataset Name", json["name"]!.GetValue<string>());
        Assert.Null(json["description"]);
        Assert.Equal("{}", json["tags"]!.ToJsonString());
        Assert.Equal("1.0.1", json["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replace_WithoutSchemaRef_Throws400()
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.ReplaceAsync(dataset.Id, Json("""{"name":"x"}""").AsObject(), Author, null, default));

        // Assert
        Assert.Contains("schemaRef", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("\"1.0.0\"", true)]
    [InlineData("W/\"1.0.0\"", true)]
    [InlineData("*", true)]
    [InlineData("1.0.7", false)]
    public async Task Patch_IfMatch_MustNameCurrentVersion(string ifMatch, bool accepted)
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");

        // Act
        var ex = await Record.ExceptionAsync(() => _sut.PatchAsync(dataset.Id, Json("""{"name":"x"}"""), Author, ifMatch, default));

        // Assert
        if (accepted)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.Same(ErrorCatalog.Catalog.PreconditionFailed, Assert.IsType<AepException>(ex).Error);
            Assert.Null(dataset.Name);
        }
    }

    [Fact]
    public async Task Patch_ConcurrentWriterWins_Throws412()
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        _stores.FailNextSaveWithConflict = true;

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(dataset.Id, Json("""{"name":"x"}"""), Author, null, default));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.PreconditionFailed, ex.Error);
    }

    [Theory]
    [InlineData("5c8c3c555033b814b69f947f")]
    [InlineData("../../etc/passwd")]
    public async Task Patch_UnknownId_Throws404(string id)
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.PatchAsync(id, Json("""{"name":"x"}"""), Author, null, default));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.NotFound, ex.Error);
    }

    [Fact]
    public async Task Delete_Existing_RemovesDatasetFilesAndMarksBatchesDeleted()
    {
        // Arrange
        var dataset = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        var keep = await Create($$$"""{"schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        var batch = Batch.Create(Tenant, "", dataset.Id, BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);
        var other = Batch.Create(Tenant, "", keep.Id, BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);
        await _stores.AddAsync(batch, default);
        await _stores.AddAsync(other, default);
        await _stores.AddAsync(DataSetFile.Create(dataset, batch, 1, "a.json", 10, 1, true, Author, _clock.Now), default);
        await _stores.AddAsync(DataSetFile.Create(keep, other, 1, "b.json", 10, 1, true, Author, _clock.Now), default);

        // Act
        var deleted = await _sut.DeleteAsync(dataset.Id, default);

        // Assert
        Assert.True(deleted);
        Assert.Equal([keep.Id], _stores.Datasets.Select(d => d.Id));
        Assert.Equal(["b.json"], _stores.Files.Select(f => f.Name));
        Assert.Equal(BatchStatus.Deleted, batch.Status);
        Assert.Equal(BatchStatus.Loading, other.Status);
    }

    [Fact]
    public async Task Delete_Unknown_ReturnsFalse()
    {
        // Act / Assert
        Assert.False(await _sut.DeleteAsync("5c8c3c555033b814b69f947f", default));
    }

    [Fact]
    public async Task Get_SeveralIds_ReturnsFoundOnesInRequestOrderProjected()
    {
        // Arrange
        var a = await Create($$$"""{"name":"A","description":"x","schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        var b = await Create($$$"""{"name":"B","schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        var projection = CatalogQuery.Parse([new("properties", "name")], CatalogQueryRules.DataSets);

        // Act
        var response = await _sut.GetAsync($"{b.Id},5c8c3c555033b814b69f947f,{a.Id}", projection, default);

        // Assert
        Assert.Equal([b.Id, a.Id], response.Select(kv => kv.Key));
        Assert.Equal("""{"name":"B"}""", response[b.Id]!.ToJsonString());
    }

    [Fact]
    public async Task Get_NoneFound_Throws404()
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync("5c8c3c555033b814b69f947f", CatalogQuery.All, default));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.NotFound, ex.Error);
    }

    [Fact]
    public async Task List_IndexedQuery_PagedByTheStore()
    {
        // Arrange
        for (var i = 0; i < 5; i++)
        {
            await Create($$$"""{"name":"d{{{i}}}","schemaRef":{"id":"{{{PlainSchema}}}"}}""");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var query = CatalogQuery.Parse([new("orderBy", "desc:created"), new("limit", "2"), new("start", "1")], CatalogQueryRules.DataSets);

        // Act
        var response = await _sut.ListAsync(query, default);

        // Assert
        Assert.Equal(["d3", "d2"], response.Select(kv => kv.Value!["name"]!.GetValue<string>()));
        Assert.True(_stores.Queries.Last().IsPaged);
    }

    [Fact]
    public async Task List_RegexQuery_FinishedInMemory()
    {
        // Arrange
        await Create($$$"""{"name":"web events","schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        await Create($$$"""{"name":"loyalty","schemaRef":{"id":"{{{PlainSchema}}}"}}""");
        var query = CatalogQuery.Parse([new("property", "name~^web")], CatalogQueryRules.DataSets);

        // Act
        var response = await _sut.ListAsync(query, default);

        // Assert
        Assert.Equal(["web events"], response.Select(kv => kv.Value!["name"]!.GetValue<string>()));
        Assert.False(_stores.Queries.Last().IsPaged);
    }

    private Task<Dataset> Create(string json) => _sut.CreateAsync(Tenant, Author, Json(json).AsObject(), default);

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;
}
