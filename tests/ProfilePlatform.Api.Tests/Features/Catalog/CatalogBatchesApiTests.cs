using System.Net;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Catalog;

/// <summary>Catalog's batches, last batches and dataset files through HTTP (catalog.yaml <c>/batches</c>,
/// <c>/lastBatches</c>; help/catalog/api/appendix.md for files): shapes, filters, errors, isolation.</summary>
/// <remarks><c>/dataSetFiles</c> and a view's <c>files</c> are not in catalog.yaml, so their responses are checked by
/// hand rather than against the spec.</remarks>
public abstract class CatalogBatchesApiTests(PlatformFixture fixture)
{
    private const string Base = CatalogApi.Base;
    private readonly CatalogApi _api = new(fixture);

    [Fact]
    public async Task CreateBatch_ForDataset_Returns201AndLoadingBatchKeyedById()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));

        // Act
        using var created = await _api.Send(HttpMethod.Post, $"{Base}/batches", TestClients.OrgA, sandbox,
            $$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataset}}}"}],"inputFormat":{"format":"csv","delimiter":";","header":true},"tags":{"source":["crm"]}}""");
        var id = CatalogApi.IdOf(await AepClient.JsonAsync(created));
        using var get = await _api.Get($"{Base}/batches/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await OpenApiContract.AssertMatchesAsync(created);
        Assert.Matches("^[0-9A-Z]{26}$", id);
        Assert.Equal($"{Base}/batches/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await OpenApiContract.AssertMatchesAsync(get);
        var batch = (await AepClient.JsonAsync(get))[id]!;
        Assert.Equal(id, batch["id"]!.GetValue<string>());
        Assert.Equal("loading", batch["status"]!.GetValue<string>());
        Assert.Equal("dataSet", batch["relatedObjects"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(dataset, batch["relatedObjects"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("csv", batch["inputFormat"]!["format"]!.GetValue<string>());
        Assert.Equal("true", batch["inputFormat"]!["header"]!.GetValue<string>());
        Assert.Equal("crm", batch["tags"]!["source"]![0]!.GetValue<string>());
        Assert.Empty(batch["errors"]!.AsArray());
        Assert.Equal(TestClients.OrgA.ImsOrg, batch["imsOrg"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateBatch_TracksLastBatchOnDatasetAndLastBatches()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, schema);
        var idle = await _api.NewDataset(TestClients.OrgA, sandbox, schema);

        // Act
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        using var last = await _api.Get($"{Base}/lastBatches", TestClients.OrgA, sandbox);
        using var lastOfIdle = await _api.Get($"{Base}/lastBatches?dataSetId={idle}", TestClients.OrgA, sandbox);

        // Assert
        var ds = (await _api.GetObject($"{Base}/dataSets/{dataset}", TestClients.OrgA, sandbox))[dataset]!;
        Assert.Equal(batch, ds["lastBatchId"]!.GetValue<string>());
        Assert.Equal("loading", ds["lastBatchStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        await OpenApiContract.AssertMatchesAsync(last);
        var entries = (await AepClient.JsonAsync(last)).AsObject();
        Assert.Equal([dataset], entries.Select(kv => kv.Key));
        Assert.Equal(batch, entries[dataset]!["lastBatchId"]!.GetValue<string>());
        Assert.Empty((await AepClient.JsonAsync(lastOfIdle)).AsObject());
    }

    [Fact]
    public async Task ListBatches_DataSetStatusAndCreatedFilters()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var a = await _api.NewDataset(TestClients.OrgA, sandbox, schema);
        var b = await _api.NewDataset(TestClients.OrgA, sandbox, schema);
        var first = await _api.NewBatch(TestClients.OrgA, sandbox, a);
        await Task.Delay(5);
        var second = await _api.NewBatch(TestClients.OrgA, sandbox, a);
        var onB = await _api.NewBatch(TestClients.OrgA, sandbox, b);
        var firstCreated = (await _api.GetObject($"{Base}/batches/{first}", TestClients.OrgA, sandbox))[first]!["created"]!.GetValue<long>();

        // Act / Assert
        await AssertIds($"{Base}/batches?dataSet={a}&orderBy=desc:created", second, first);
        await AssertIds($"{Base}/batches?status=loading&dataSet={b}", onB);
        await AssertIds($"{Base}/batches?status=success");
        await AssertIds($"{Base}/batches?createdAfter={firstCreated}&dataSet={a}", second);
        await AssertIds($"{Base}/batches?batch={first},{onB}&orderBy=created", first, onB);
        await AssertIds($"{Base}/batches?limit=1&orderBy=created", first);

        async Task AssertIds(string path, params string[] expected)
        {
            using var response = await _api.Get(path, TestClients.OrgA, sandbox);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await OpenApiContract.AssertMatchesAsync(response);
            Assert.Equal(expected, (await AepClient.JsonAsync(response)).AsObject().Select(kv => kv.Key));
        }
    }

    [Theory]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"5c8c3c555033b814b69f947f"}]}""", "does not exist")]
    [InlineData("""{}""", "relatedObjects")]
    [InlineData("""{"relatedObjects":"5c8c3c555033b814b69f947f"}""", "relatedObjects")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet","id":"x"}],"status":"success"}""", "'status'")]
    [InlineData("""{"relatedObjects":[{"type":"dataSet"}]}""", "relatedObjects[0].id")]
    [InlineData("[]", "array")]
    [InlineData("{\"relatedObjects\":", "Malformed JSON")]
    public async Task CreateBatch_Invalid_Returns400AndNoBatch(string body, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/batches", TestClients.OrgA, sandbox, body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        Assert.Empty(await _api.GetObject($"{Base}/batches", TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task CreateBatch_DatasetOfAnotherOrganization_Returns400()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/batches", TestClients.OrgB, "prod", $$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataset}}}"}]}""");

        // Assert
        await CatalogApi.AssertError(response, HttpStatusCode.BadRequest, "does not exist");
    }

    [Fact]
    public async Task Batches_OtherOrganizationAndSandbox_SeeNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);

        // Act
        using var otherSandbox = await _api.Get($"{Base}/batches/{batch}", TestClients.OrgA, other);
        using var otherOrg = await _api.Get($"{Base}/batches/{batch}", TestClients.OrgB, "prod");
        using var otherOrgList = await _api.Get($"{Base}/batches", TestClients.OrgB, "prod");
        using var otherLast = await _api.Get($"{Base}/lastBatches?dataSetId={dataset}", TestClients.OrgB, "prod");

        // Assert
        await CatalogApi.AssertError(otherSandbox, HttpStatusCode.NotFound, batch);
        Assert.Equal(HttpStatusCode.NotFound, otherOrg.StatusCode);
        Assert.DoesNotContain(batch, (await AepClient.JsonAsync(otherOrgList)).AsObject().Select(kv => kv.Key));
        Assert.Empty((await AepClient.JsonAsync(otherLast)).AsObject());
    }

    [Fact]
    public async Task DeleteDataset_MarksItsBatchesDeleted()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var schema = await _api.NewSchema(TestClients.OrgA, sandbox);
        var doomed = await _api.NewDataset(TestClients.OrgA, sandbox, schema);
        var kept = await _api.NewDataset(TestClients.OrgA, sandbox, schema);
        var doomedBatch = await _api.NewBatch(TestClients.OrgA, sandbox, doomed);
        var keptBatch = await _api.NewBatch(TestClients.OrgA, sandbox, kept);

        // Act
        using var deleted = await _api.Send(HttpMethod.Delete, $"{Base}/dataSets/{doomed}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var batches = await _api.GetObject($"{Base}/batches", TestClients.OrgA, sandbox);
        Assert.Equal("deleted", batches[doomedBatch]!["status"]!.GetValue<string>());
        Assert.Equal("1.0.1", batches[doomedBatch]!["version"]!.GetValue<string>());
        Assert.Equal("loading", batches[keptBatch]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Uniques_StatusOfADatasetsBatches_ArrayOfDistinctValues()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        await _api.NewBatch(TestClients.OrgA, sandbox, dataset);

        // Act
        using var statuses = await _api.Get($"{Base}/batches/uniques/status?dataSet={dataset}", TestClients.OrgA, sandbox);
        using var none = await _api.Get($"{Base}/batches/uniques/status?dataSet=5c8c3c555033b814b69f947f", TestClients.OrgA, sandbox);
        using var bad = await _api.Get($"{Base}/batches/uniques/status?limit=0", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, statuses.StatusCode);
        await OpenApiContract.AssertMatchesAsync(statuses);
        Assert.Equal("[\"loading\"]", await statuses.Content.ReadAsStringAsync());
        Assert.Equal("[]", await none.Content.ReadAsStringAsync());
        await CatalogApi.AssertError(bad, HttpStatusCode.BadRequest, "'limit'");
    }

    [Fact]
    public async Task CreateWithId_UsesTheId_SecondTimeOrBadId400()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var body = $$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataset}}}"}],"tags":{"source":["crm"]}}""";
        const string Id = "producer-batch-0001";

        // Act
        using var created = await _api.Send(HttpMethod.Post, $"{Base}/batches/{Id}", TestClients.OrgA, sandbox, body);
        using var again = await _api.Send(HttpMethod.Post, $"{Base}/batches/{Id}", TestClients.OrgA, sandbox, body);
        using var bad = await _api.Send(HttpMethod.Post, $"{Base}/batches/bad%20id", TestClients.OrgA, sandbox, body);
        var stored = (await _api.GetObject($"{Base}/batches/{Id}", TestClients.OrgA, sandbox))[Id]!;

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await OpenApiContract.AssertMatchesAsync(created);
        Assert.Equal($"[\"@/batches/{Id}\"]", await created.Content.ReadAsStringAsync());
        Assert.Equal("loading", stored["status"]!.GetValue<string>());
        Assert.Equal("crm", stored["tags"]!["source"]![0]!.GetValue<string>());
        await CatalogApi.AssertError(again, HttpStatusCode.BadRequest, "already exists");
        await CatalogApi.AssertError(bad, HttpStatusCode.BadRequest, "cannot be a batch id");
    }

    [Fact]
    public async Task PatchAndPut_ChangeTagsRelatedObjectsAndInputFormat_NotStatus()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var before = (await _api.GetObject($"{Base}/batches/{batch}", TestClients.OrgA, sandbox))[batch]!;

        // Act
        using var patch = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox,
            """{"tags":{"source":["crm"],"team":["a"]},"inputFormat":{"format":"json"}}""");
        var patched = (await _api.GetObject($"{Base}/batches/{batch}", TestClients.OrgA, sandbox))[batch]!.DeepClone().AsObject();
        patched["tags"] = new System.Text.Json.Nodes.JsonObject { ["team"] = new System.Text.Json.Nodes.JsonArray("b") };
        using var put = await _api.Send(HttpMethod.Put, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, patched.ToJsonString()); // GET-modify-PUT
        var after = (await _api.GetObject($"{Base}/batches/{batch}", TestClients.OrgA, sandbox))[batch]!;
        using var status = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, """{"status":"success"}""");
        using var metrics = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, """{"recordCount":5}""");
        using var noStatus = await _api.Send(HttpMethod.Put, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, """{"tags":{}}""");
        using var otherDataset = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, """{"relatedObjects":[{"type":"dataSet","id":"5c8c3c555033b814b69f947f"}]}""");
        using var acp = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgA, sandbox, """{"tags":{"acp_stagePath":["x"]}}""");
        using var unknown = await _api.Send(HttpMethod.Patch, $"{Base}/batches/01E8043CY305K2MTV5ANH9G1GC", TestClients.OrgA, sandbox, "{}");
        using var otherOrg = await _api.Send(HttpMethod.Patch, $"{Base}/batches/{batch}", TestClients.OrgB, "prod", """{"tags":{"x":["y"]}}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        await OpenApiContract.AssertMatchesAsync(patch);
        Assert.Equal($"[\"@/batches/{batch}\"]", await patch.Content.ReadAsStringAsync());
        Assert.Equal("json", patched["inputFormat"]!["format"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await OpenApiContract.AssertMatchesAsync(put);
        Assert.Equal("""{"team":["b"]}""", after["tags"]!.ToJsonString());
        Assert.NotEqual(before["version"]!.GetValue<string>(), after["version"]!.GetValue<string>());
        Assert.Equal("loading", after["status"]!.GetValue<string>());
        await CatalogApi.AssertError(status, HttpStatusCode.BadRequest, "status moves through the Batch Ingestion API");
        await CatalogApi.AssertError(metrics, HttpStatusCode.BadRequest, "'recordCount' cannot be changed through Catalog");
        await CatalogApi.AssertError(noStatus, HttpStatusCode.BadRequest, "'status' is required in a PUT");
        await CatalogApi.AssertError(otherDataset, HttpStatusCode.BadRequest, "names another dataset");
        await CatalogApi.AssertError(acp, HttpStatusCode.BadRequest, "acp_stagePath");
        await CatalogApi.AssertError(unknown, HttpStatusCode.NotFound, "No batch with id");
        await CatalogApi.AssertError(otherOrg, HttpStatusCode.NotFound, "No batch with id");
        Assert.Equal("""{"team":["b"]}""", (await _api.GetObject($"{Base}/batches/{batch}", TestClients.OrgA, sandbox))[batch]!["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_Deprecated_LoadingRefused_AbortedBecomesDeleted_Unknown404()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var loading = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var aborted = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        using (var abort = await _api.Client.SendAsync(HttpMethod.Post, $"/data/foundation/import/batches/{aborted}?action=ABORT", TestClients.OrgA, sandbox))
        {
            Assert.Equal(HttpStatusCode.OK, abort.StatusCode);
        }

        // Act
        using var refused = await _api.Send(HttpMethod.Delete, $"{Base}/batches/{loading}", TestClients.OrgA, sandbox);
        using var deleted = await _api.Send(HttpMethod.Delete, $"{Base}/batches/{aborted}", TestClients.OrgA, sandbox);
        using var unknown = await _api.Send(HttpMethod.Delete, $"{Base}/batches/01E8043CY305K2MTV5ANH9G1GC", TestClients.OrgA, sandbox);

        // Assert
        await CatalogApi.AssertError(refused, HttpStatusCode.BadRequest, "abort it first");
        Assert.Equal("loading", (await _api.GetObject($"{Base}/batches/{loading}", TestClients.OrgA, sandbox))[loading]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await OpenApiContract.AssertMatchesAsync(deleted);
        Assert.Equal("deleted", (await _api.GetObject($"{Base}/batches/{aborted}", TestClients.OrgA, sandbox))[aborted]!["status"]!.GetValue<string>());
        await CatalogApi.AssertError(unknown, HttpStatusCode.NotFound, "No batch with id");
    }

    [Fact]
    public async Task ViewFiles_NewDataset_EmptyObject_UnknownViewOrDataset404()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var dataset = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewSchema(TestClients.OrgA, sandbox));
        var files = (await _api.GetObject($"{Base}/dataSets/{dataset}", TestClients.OrgA, sandbox))[dataset]!["files"]!.GetValue<string>();

        // Act: follow the dataset's files link as help/catalog/api/appendix.md shows
        using var listed = await _api.Get(Base + files[1..], TestClients.OrgA, sandbox);
        using var wrongView = await _api.Get($"{Base}/dataSets/{dataset}/views/5c8c3c555033b814b69f947f/files", TestClients.OrgA, sandbox);
        using var wrongDataset = await _api.Get($"{Base}/dataSets/5c8c3c555033b814b69f947f/views/5c8c3c555033b814b69f947f/files", TestClients.OrgA, sandbox);
        using var badLimit = await _api.Get($"{Base + files[1..]}?limit=0", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("{}", await listed.Content.ReadAsStringAsync());
        await CatalogApi.AssertError(wrongView, HttpStatusCode.NotFound, "has no view");
        await CatalogApi.AssertError(wrongDataset, HttpStatusCode.NotFound, "No dataset");
        await CatalogApi.AssertError(badLimit, HttpStatusCode.BadRequest, "'limit'");
    }

    [Fact]
    public async Task DataSetFiles_ListEmptyLookupUnknown404BadQuery400()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var list = await _api.Get($"{Base}/dataSetFiles?dataSetId=5c8c3c555033b814b69f947f", TestClients.OrgA, sandbox);
        using var one = await _api.Get($"{Base}/dataSetFiles/01E8043CY305K2MTV5ANH9G1GC-1", TestClients.OrgA, sandbox);
        using var bad = await _api.Get($"{Base}/dataSetFiles?orderBy=up:created", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("{}", await list.Content.ReadAsStringAsync());
        await CatalogApi.AssertError(one, HttpStatusCode.NotFound, "dataSetFiles");
        await CatalogApi.AssertError(bad, HttpStatusCode.BadRequest, "orderBy");
    }
}

public sealed class CatalogBatchesApiTestsPostgres(PostgresPlatform fixture) : CatalogBatchesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class CatalogBatchesApiTestsSqlite(SqlitePlatform fixture) : CatalogBatchesApiTests(fixture), IClassFixture<SqlitePlatform>;
