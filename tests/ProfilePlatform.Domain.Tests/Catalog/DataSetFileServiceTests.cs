using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Catalog;

public sealed class DataSetFileServiceTests
{
    private static readonly TenantKey Tenant = new("AAAA0000000000000000000A@AdobeOrg", "prod");
    private static readonly CatalogAuthor Author = new("client-a", "tech-a");
    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryCatalogStores _stores = new();
    private readonly DataSetFileService _sut;

    public DataSetFileServiceTests() => _sut = new DataSetFileService(_stores, _stores);

    [Fact]
    public async Task ListForView_FilesOfThatViewOnly()
    {
        // Arrange
        var (a, fileA) = await DatasetWithFile("a.json");
        await DatasetWithFile("b.json");

        // Act
        var response = await _sut.ListForViewAsync(a.Id, a.ViewId, CatalogQuery.All, default);

        // Assert
        Assert.Equal([fileA.Id], response.Select(kv => kv.Key));
        Assert.Equal(a.ViewId, response[fileA.Id]!["dataSetViewId"]!.GetValue<string>());
        Assert.EndsWith("-1", fileA.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListForView_WrongView_Throws404NamingTheFilesLink()
    {
        // Arrange
        var (a, _) = await DatasetWithFile("a.json");

        // Act
        var ex = await Assert.ThrowsAsync<AepException>(() => _sut.ListForViewAsync(a.Id, "5c8c3c555033b814b69f947f", CatalogQuery.All, default));

        // Assert
        Assert.Same(ErrorCatalog.Catalog.NotFound, ex.Error);
        Assert.Contains(a.Files, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FilterByDataSetId_UsesStoreColumn()
    {
        // Arrange
        var (a, fileA) = await DatasetWithFile("a.json");
        await DatasetWithFile("b.json");

        // Act
        var response = await _sut.ListAsync(CatalogQuery.Parse([new("dataSetId", a.Id)], CatalogQueryRules.DataSetFiles), default);

        // Assert
        Assert.Equal([fileA.Id], response.Select(kv => kv.Key));
        Assert.True(_stores.Queries.Last().IsPaged);
    }

    private async Task<(Dataset, DataSetFile)> DatasetWithFile(string name)
    {
        var dataset = Dataset.Create(Tenant, "sb", DatasetFields.Parse(JsonNode.Parse("""{"schemaRef":{"id":"s"}}""")!.AsObject()), Author, _clock.Now);
        await _stores.AddAsync(dataset, default);
        var batch = Batch.Create(Tenant, "sb", dataset.Id, BatchInputFormat.Default, CatalogTags.None, Author, _clock.Now);
        var file = DataSetFile.Create(dataset, batch, 1, name, 12, 3, true, Author, _clock.Now);
        await _stores.AddAsync(file, default);
        return (dataset, file);
    }
}
