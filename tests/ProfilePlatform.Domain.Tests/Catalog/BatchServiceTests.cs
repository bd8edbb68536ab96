using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class BatchServiceTests
{
    private const string Schema = "https://ns.adobe.com/acme/schemas/a1";
    private const string Org = "AAAA0000000000000000000A@AdobeOrg";
    private static readonly TenantKey Tenant = new(Org, "prod");
    private static readonly CatalogAuthor Author = new("client-a", "tech-a");

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryCatalogStores _stores = new();
    private readonly InMemorySandboxStore _sandboxes = new();
    private readonly DatasetService _datasets;
    private readonly BatchService _sut;

    public BatchServiceTests()
    {
        _sandboxes.Seed(Sandbox.CreateDefault(Org, "VA7", _clock.Now));
        _datasets = new DatasetService(_stores, new FakeSchemaLookup().With(Schema, false), _sandboxes, _clock);
        _sut = new BatchService(_stores, _stores, _sandboxes, _clock);
    }

    [Fact]
    public async Task Create_ForExistingDataset_LoadingBatchTrackedOnDataset()
    {
        // Arrange
        var dataset = await NewDataset();

        // Act
        var batch = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataset.Id}}}"}],"inputFormat":{"format":"json","isMultiLineJson":true},"tags":{"source":["crm"]}}""");

        // Assert
        Assert.Equal(BatchStatus.Loading, batch.Status);
        Assert.Equal(dataset.Id, batch.DataSetId);
        Assert.Equal("json", batch.InputFormat.Format);
        Assert.True(batch.InputFormat.IsMultiLineJson);
        Assert.Equal(["crm"], batch.Tags["source"]);
        Assert.Equal(batch.Id, dataset.LastBatchId);
        Assert.Equal(BatchStatus.Loading, dataset.LastBatchStatus);
        Assert.Equal(_sandboxes.All[0].Id.ToString(), batch.SandboxId);
    }

    [Theory]
    [InlineData("""{}""", "relatedObjects")]
    [InlineData("""{"relatedObjects":[]}""", "relatedObjects")]
    [InlineData("""{"relatedObjects":[{"type":"batch","id":"x"}]}""", "0 datasets")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"5c8c3c555033b814b69f947f"}]}""", "does not exist")]
    [InlineData("""{"relatedObjects":[{"type":"thing","id":"x"}]}""", "relatedObjects[0].type")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"a/b"}]}""", "relatedObjects[0].id")]
    [InlineData("""{"relatedObjects":["ds"]}""", "relatedObjects[0]")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"x"}],"status":"success"}""", "status")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"x"}],"metrics":{"a":1}}""", "metrics")]
    public async Task Create_InvalidBody_Throws400AndStoresNothing(string json, string mentions)
    {
        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => Create(json));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.InvalidObject, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
        Assert.Empty(_stores.Batches);
    }

    [Theory]
    [InlineData("""{"format":"xml"}""", "inputFormat.format")]
    [InlineData("""{"format":"csv","delimiter":";;"}""", "inputFormat.delimiter")]
    [InlineData("""{"format":"csv","charset":"UTF-16"}""", "inputFormat.charset")]
    [InlineData("""{"format":"json","isMultiLineJson":"maybe"}""", "inputFormat.isMultiLineJson")]
    [InlineData("\"json\"", "inputFormat")]
    public async Task Create_BadInputFormat_Throws400(string inputFormat, string mentions)
    {
        // Arrange
        var dataset = await NewDataset();

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataset.Id}}}"}],"inputFormat":{{{inputFormat}}}}"""));

        // Assert
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ByDataSetParameter_OnlyThatDatasetsBatches()
    {
        // Arrange
        var a = await NewDataset();
        var b = await NewDataset();
        var first = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");
        await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{b.Id}}}"}]}""");
        var query = CatalogQuery.Parse([new("dataSet", a.Id), new("orderBy", "desc:created")], CatalogQueryRules.Batches);

        // Act
        var response = await _sut.ListAsync(query, default);

        // Assert
        Assert.Equal([first.Id], response.Select(kv => kv.Key));
        Assert.True(_stores.Queries.Last().IsPaged);
    }

    [Fact]
    public async Task LastBatches_OnePerDatasetWithBatches()
    {
        // Arrange
        var a = await NewDataset();
        var b = await NewDataset();
        await NewDataset();
        await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var latest = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");
        var onB = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{b.Id}}}"}]}""");

        // Act
        var all = await _sut.LastBatchesAsync(CatalogQuery.Parse([], CatalogQueryRules.LastBatches), default);
        var onlyB = await _sut.LastBatchesAsync(CatalogQuery.Parse([new("dataSetId", b.Id)], CatalogQueryRules.LastBatches), default);

        // Assert
        Assert.Equal(2, all.Count);
        Assert.Equal(latest.Id, all[a.Id]!["lastBatchId"]!.GetValue<string>());
        Assert.Equal("loading", all[a.Id]!["lastBatchStatus"]!.GetValue<string>());
        Assert.Equal(latest.Created, all[a.Id]!["created"]!.GetValue<long>());
        Assert.Equal([b.Id], onlyB.Select(kv => kv.Key));
        Assert.Equal(onB.Id, onlyB[b.Id]!["lastBatchId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_BatchById_KeyedWithIdInside()
    {
        // Arrange
        var a = await NewDataset();
        var batch = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");

        // Act
        var response = await _sut.GetAsync(batch.Id, CatalogQuery.All, default);

        // Assert
        Assert.Equal(batch.Id, response[batch.Id]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uniques_DistinctValuesOfSelectedBatches()
    {
        // Arrange
        var a = await NewDataset();
        var b = await NewDataset();
        var aborted = await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");
        aborted.Abort(Author, _clock.Now);
        await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{a.Id}}}"}]}""");
        await Create($$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{b.Id}}}"}],"externalId":"ext-b"}""");

        // Act
        var statuses = await _sut.UniquesAsync("status", CatalogQuery.Parse([], CatalogQueryRules.Batches), default);
        var ofA = await _sut.UniquesAsync("status", CatalogQuery.Parse([new("dataSet", b.Id)], CatalogQueryRules.Batches), default);
        var bad = await Assert.ThrowsAsync<AepException>(() => _sut.UniquesAsync("a.b", CatalogQuery.All, default));

        // Assert
        Assert.Equal("""["aborted","loading"]""", statuses.ToJsonString());
        Assert.Equal("""["loading"]""", ofA.ToJsonString());
        Assert.Same(ErrorCatalog.Catalog.InvalidQuery, bad.Error);
    }

    private Task<Dataset> NewDataset() =>
        _datasets.CreateAsync(Tenant, Author, JsonNode.Parse($$$"""{"schemaRef":{"id":"{{{Schema}}}"}}""")!.AsObject(), default);

    private Task<Batch> Create(string json) => _sut.CreateAsync(Tenant, Author, JsonNode.Parse(json)!.AsObject(), default);
}
