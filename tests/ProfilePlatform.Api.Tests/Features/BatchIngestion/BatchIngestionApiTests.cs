using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>Batch creation, uploads and batch actions through HTTP (batch-ingestion.yaml; help/ingestion/batch-ingestion/
/// api-overview.md): shapes, statuses, hostile input that leaves nothing behind, and isolation.</summary>
/// <remarks>Not contract-checked: the answers of COMPLETE and ABORT (the spec's <c>Batch.status</c> enum has neither
/// <c>staged</c> nor <c>aborted</c>, which catalog.yaml lists) and the 201 of a large file's INITIALIZE/COMPLETE (the docs
/// say 201, the spec documents only 200); their bodies are checked by hand.</remarks>
public abstract class BatchIngestionApiTests(PlatformFixture fixture)
{
    private const string Import = IngestionApi.Import;
    private readonly IngestionApi _api = new(fixture);

    [Fact]
    public async Task CreateBatch_Json_Returns201LoadingBatchShownByCatalog()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        using var created = await _api.CreateBatchResponse(TestClients.OrgA, sandbox,
            $$$"""{"datasetId":"{{{dataset}}}","inputFormat":{"format":"JSON","isMultiLineJson":false},"enableErrorDiagnostics":true,"partialIngestionPercentage":5,"tags":{"source":["crm"]}}""");
        var batch = (await AepClient.JsonAsync(created)).AsObject();
        var id = batch["id"]!.GetValue<string>();
        var inCatalog = await _api.CatalogBatch(TestClients.OrgA, sandbox, id);

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await OpenApiContract.AssertMatchesAsync(created);
        Assert.Matches("^[0-9A-Z]{26}$", id);
        Assert.Equal("loading", batch["status"]!.GetValue<string>());
        Assert.Equal("json", batch["inputFormat"]!["format"]!.GetValue<string>());
        Assert.False(batch["inputFormat"]!["isMultiLineJson"]!.GetValue<bool>());
        Assert.Equal(dataset, batch["relatedObjects"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, batch["imsOrg"]!.GetValue<string>());
        Assert.Equal(id, batch["externalId"]!.GetValue<string>());
        Assert.Equal("true", batch["tags"]!["acp_enableErrorDiagnostics"]![0]!.GetValue<string>());
        Assert.Equal("5", batch["tags"]!["acp_partialIngestionPercent"]![0]!.GetValue<string>());
        Assert.Equal("crm", batch["tags"]!["source"]![0]!.GetValue<string>());
        Assert.Equal("loading", inCatalog["status"]!.GetValue<string>());
        var ds = (await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSets/{dataset}", TestClients.OrgA, sandbox))[dataset]!;
        Assert.Equal(id, ds["lastBatchId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"inputFormat":{"format":"json"}}""", "'datasetId' is required")]
    [InlineData("""{"datasetId":"5c8c3c555033b814b69f947f","inputFormat":{"format":"json"}}""", "does not exist")]
    [InlineData("""{"datasetId":"../x","inputFormat":{"format":"json"}}""", "'datasetId'")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"xml"}}""", "json, csv or parquet")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"avro"}}""", "json, csv or parquet")]
    [InlineData("""{"datasetId":"DS","inputFormat":"json"}""", "'inputFormat' must be an object")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"csv","header":false}}""", "header row")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"csv","isMultiLineJson":true}}""", "json batches only")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"csv","delimiter":";;"}}""", "single character")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"json"},"partialIngestionPercentage":150}""", "0 to 100")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"json"},"enableErrorDiagnostics":"yes"}""", "true or false")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"json"},"replay":{"predecessors":["x"]}}""", "names batch 'x', which does not exist")]
    [InlineData("""{"datasetId":"DS","inputFormat":{"format":"json"},"tags":{"acp_partialIngestionPercent":["9"]}}""", "set by batch ingestion")]
    [InlineData("""[]""", "send a JSON object")]
    [InlineData("""{"datasetId":""", "Malformed JSON")]
    public async Task CreateBatch_Invalid_Returns400AndNoBatch(string body, string mentions)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        using var response = await _api.CreateBatchResponse(TestClients.OrgA, sandbox, body.Replace("\"DS\"", $"\"{dataset}\"", StringComparison.Ordinal));

        // Assert
        await IngestionApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        Assert.Empty(await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/batches", TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task CreateBatch_WithoutContentType_Returns400()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        using var response = await _api.CatalogApi.Send(HttpMethod.Post, $"{Import}/batches", TestClients.OrgA, sandbox, $$"""{"datasetId":"{{dataset}}"}""", contentType: null);

        // Assert
        await IngestionApi.AssertError(response, HttpStatusCode.BadRequest, "content-type");
    }

    [Fact]
    public async Task PutFile_ThenReplace_KeepsLatestAndHeadReportsSize()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var t = TestClients.OrgA.TenantId;
        var first = IngestionApi.Record(t, "a") + "\n";
        var second = IngestionApi.Record(t, "a") + "\n" + IngestionApi.Record(t, "b") + "\n";

        // Act
        using var put1 = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "2024/01/members.json", first);
        using var put2 = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "2024/01/members.json", second);
        using var head = await _api.Client.SendAsync(HttpMethod.Head, $"{Import}/batches/{batch}/datasets/{dataset}/files/2024/01/members.json", TestClients.OrgA, sandbox);
        using var missing = await _api.Client.SendAsync(HttpMethod.Head, $"{Import}/batches/{batch}/datasets/{dataset}/files/other.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, put1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, put2.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal($"bytes=0-{second.Length - 1}", head.Headers.NonValidated["Range"].ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("a%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%5Cwindows")]
    [InlineData("folder//file.json")]
    [InlineData("folder/%20/file.json")]
    [InlineData("x%01.json")]
    public async Task PutFile_HostilePath_Returns4xxAndKeepsNothing(string path)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "good.json", IngestionApi.Record(TestClients.OrgA.TenantId, "a"));

        // Act
        using var response = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, path, IngestionApi.Record(TestClients.OrgA.TenantId, "b"));
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");

        // Assert
        var status = (int)response.StatusCode;
        Assert.True(status is 400 or 404, $"expected a 4xx, got {status}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var completed = (await AepClient.JsonAsync(complete)).AsObject();
        Assert.NotEqual("loading", completed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutFile_NotJsonIntoJsonBatch_Returns400AndNothingKept()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);

        // Act
        using var csv = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "members.json", "id,points\na,1\n");
        using var array = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "array.json", "[{\"a\":1}]");
        using var broken = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "broken.json", "{\"a\":\n1}\n");
        using var head = await _api.Client.SendAsync(HttpMethod.Head, $"{Import}/batches/{batch}/datasets/{dataset}/files/members.json", TestClients.OrgA, sandbox);
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");

        // Assert
        await IngestionApi.AssertError(csv, HttpStatusCode.BadRequest, "is not JSON");
        await IngestionApi.AssertError(array, HttpStatusCode.BadRequest, "isMultiLineJson");
        await IngestionApi.AssertError(broken, HttpStatusCode.BadRequest, "first line");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        await IngestionApi.AssertError(complete, HttpStatusCode.BadRequest, "has no files");
    }

    [Fact]
    public async Task PutFile_WrongContentType_Returns415()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);

        // Act
        using var multipart = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "a.json", IngestionApi.Utf8("{}"), "multipart/form-data; boundary=x");

        // Assert
        await IngestionApi.AssertError(multipart, HttpStatusCode.UnsupportedMediaType, "application/octet-stream");
    }

    [Fact]
    public async Task PutFile_ForAnotherDatasetOrUnknownBatch_Returns400Or404()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var other = await _api.NewDataset(TestClients.OrgA, sandbox, await _api.NewLoyaltySchema(TestClients.OrgA, sandbox));
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var record = IngestionApi.Record(TestClients.OrgA.TenantId, "a");

        // Act
        using var wrongDataset = await _api.Put(TestClients.OrgA, sandbox, batch, other, "a.json", record);
        using var unknownBatch = await _api.Put(TestClients.OrgA, sandbox, "01E8043CY305K2MTV5ANH9G1GC", dataset, "a.json", record);
        using var hostileBatch = await _api.Put(TestClients.OrgA, sandbox, "x'--", dataset, "a.json", record);

        // Assert
        await IngestionApi.AssertError(wrongDataset, HttpStatusCode.BadRequest, $"loads dataset {dataset}");
        await IngestionApi.AssertError(unknownBatch, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(hostileBatch, HttpStatusCode.NotFound, "No batch");
    }

    [Fact]
    public async Task PutFile_AfterComplete_Returns400()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "a.json", IngestionApi.Record(TestClients.OrgA.TenantId, "a"));
        await _api.Complete(TestClients.OrgA, sandbox, batch);

        // Act
        using var late = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "b.json", IngestionApi.Record(TestClients.OrgA.TenantId, "b"));
        using var lateLarge = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "c.json", "INITIALIZE");

        // Assert
        await IngestionApi.AssertError(late, HttpStatusCode.BadRequest, "only while it is loading");
        await IngestionApi.AssertError(lateLarge, HttpStatusCode.BadRequest, "only while it is loading");
    }

    [Fact]
    public async Task Complete_Twice_SecondIsAnIdempotent200()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "a.json", IngestionApi.Record(TestClients.OrgA.TenantId, "a"));

        // Act
        using var first = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");
        using var second = await _api.Act(TestClients.OrgA, sandbox, batch, "complete");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = (await AepClient.JsonAsync(first)).AsObject();
        Assert.Equal(batch, body["id"]!.GetValue<string>());
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "staged", "processing", "success" });
        Assert.Contains((await AepClient.JsonAsync(second))["status"]!.GetValue<string>(), new[] { "staged", "processing", "success" });
    }

    [Theory]
    [InlineData("", "'action'")]
    [InlineData("DELETE", "'action'")]
    public async Task Act_UnknownAction_Returns400(string action, string mentions)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);

        // Act
        using var response = await _api.Act(TestClients.OrgA, sandbox, batch, action);

        // Assert
        await IngestionApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        Assert.Equal("loading", (await _api.CatalogBatch(TestClients.OrgA, sandbox, batch))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Abort_LoadingBatch_AbortedAndItsFilesGone_AbortAgain400_CompleteAfter400()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "a.json", IngestionApi.Record(TestClients.OrgA.TenantId, "a"));

        // Act
        using var abort = await _api.Act(TestClients.OrgA, sandbox, batch, "ABORT");
        using var again = await _api.Act(TestClients.OrgA, sandbox, batch, "ABORT");
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");
        using var head = await _api.Client.SendAsync(HttpMethod.Head, $"{Import}/batches/{batch}/datasets/{dataset}/files/a.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, abort.StatusCode);
        Assert.Equal("aborted", (await AepClient.JsonAsync(abort))["status"]!.GetValue<string>());
        Assert.Equal("aborted", (await _api.CatalogBatch(TestClients.OrgA, sandbox, batch))["status"]!.GetValue<string>());
        await IngestionApi.AssertError(again, HttpStatusCode.BadRequest, "aborted");
        await IngestionApi.AssertError(complete, HttpStatusCode.BadRequest, "aborted");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task LargeFile_InitializePartsComplete_ThenBatchCompletes()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var t = TestClients.OrgA.TenantId;
        var content = IngestionApi.Utf8(string.Join("\n", Enumerable.Range(0, 50).Select(i => IngestionApi.Record(t, "m" + i))) + "\n");
        var half = content.Length / 2;

        // Act
        using var init = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "big.json", "INITIALIZE");
        using var part2 = await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", content[half..], $"bytes {half}-{content.Length - 1}/{content.Length}");
        using var early = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");
        using var part1 = await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", content[..half], $"bytes 0-{half - 1}/{content.Length}");
        using var head = await _api.Client.SendAsync(HttpMethod.Head, $"{Import}/batches/{batch}/datasets/{dataset}/files/big.json", TestClients.OrgA, sandbox);
        using var done = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "big.json", "COMPLETE");
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");

        // Assert
        Assert.Equal(HttpStatusCode.Created, init.StatusCode);
        Assert.Equal(0, (await AepClient.JsonAsync(init))["sizeInBytes"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, part2.StatusCode);
        await OpenApiContract.AssertMatchesAsync(part2);
        await IngestionApi.AssertError(early, HttpStatusCode.BadRequest, "not completed");
        Assert.Equal(HttpStatusCode.OK, part1.StatusCode);
        Assert.Equal(content.Length, (await AepClient.JsonAsync(part1))["sizeInBytes"]!.GetValue<long>());
        Assert.Equal("false", head.Headers.GetValues("x-file-complete").Single());
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        var file = await AepClient.JsonAsync(done);
        Assert.Equal("big.json", file["name"]!.GetValue<string>());
        Assert.Equal(content.Length, file["sizeInBytes"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
    }

    [Fact]
    public async Task LargeFile_PartAsMultipartForm_IsTheFilePartsBytes_MalformedFormIs400()
    {
        // Arrange: Adobe's Data Ingestion collection sends the part as a form with a "file" field.
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var content = IngestionApi.Utf8(IngestionApi.Record(TestClients.OrgA.TenantId, "m1") + "\n");
        using var init = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "form.json", "INITIALIZE");
        var url = $"{Import}/batches/{batch}/datasets/{dataset}/files/form.json";

        // Act: a form that breaks off first (nothing of it may stay), then the real part
        using var brokenRequest = await _api.Client.RequestAsync(HttpMethod.Patch, url, TestClients.OrgA, sandbox);
        brokenRequest.Content = new StringContent("--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end", Encoding.UTF8);
        brokenRequest.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        brokenRequest.Content.Headers.TryAddWithoutValidation("Content-Range", "bytes 0-5/*");
        using var broken = await _api.Client.Http.SendAsync(brokenRequest);
        using var head = await _api.Client.SendAsync(HttpMethod.Head, url, TestClients.OrgA, sandbox);
        using var formRequest = await _api.Client.RequestAsync(HttpMethod.Patch, url, TestClients.OrgA, sandbox);
        var form = new MultipartFormDataContent("b0undary") { { new ByteArrayContent(content), "file", "form.json" } };
        formRequest.Content = form;
        formRequest.Content.Headers.TryAddWithoutValidation("Content-Range", $"bytes 0-{content.Length - 1}/{content.Length}");
        using var part = await _api.Client.Http.SendAsync(formRequest);
        using var done = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "form.json", "COMPLETE");

        // Assert
        await IngestionApi.AssertError(broken, HttpStatusCode.BadRequest, "multipart");
        Assert.Equal("bytes=0-0", head.Headers.GetValues("Range").Single());
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        Assert.Equal(content.Length, (await AepClient.JsonAsync(part))["sizeInBytes"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Created, done.StatusCode);
        Assert.Equal(content.Length, (await AepClient.JsonAsync(done))["sizeInBytes"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LargeFile_GapOrOverlap_CompleteReturns400(bool overlap)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var content = IngestionApi.Utf8(IngestionApi.Record(TestClients.OrgA.TenantId, "a") + "\n");
        using var init = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "big.json", "INITIALIZE");
        using var p1 = await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", content[..10], "bytes 0-9/*");
        using var p2 = overlap
            ? await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", content[5..], $"bytes 5-{content.Length - 1}/*")
            : await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", content[12..], $"bytes 12-{content.Length - 1}/*");

        // Act
        using var done = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "big.json", "COMPLETE");

        // Assert
        Assert.Equal(HttpStatusCode.OK, p2.StatusCode);
        await IngestionApi.AssertError(done, HttpStatusCode.BadRequest, overlap ? "overlapping" : "missing bytes 10-11");
    }

    [Theory]
    [InlineData(null, "Content-Range header is required")]
    [InlineData("bytes 9-3/20", "first <= last")]
    [InlineData("bytes 0-99/20", "total size")]
    [InlineData("bytes 0-2/*", "3 bytes its Content-Range")]
    public async Task LargeFile_BadContentRange_Returns400(string? range, string mentions)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        using var init = await _api.FileAction(TestClients.OrgA, sandbox, batch, dataset, "big.json", "INITIALIZE");

        // Act
        using var response = await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "big.json", IngestionApi.Utf8("{\"a\":1}\n"), range);
        using var notInitialized = await _api.Patch(TestClients.OrgA, sandbox, batch, dataset, "other.json", IngestionApi.Utf8("{}"), "bytes 0-1/2");

        // Assert
        await IngestionApi.AssertError(response, HttpStatusCode.BadRequest, mentions);
        await IngestionApi.AssertError(notInitialized, HttpStatusCode.NotFound, "INITIALIZE");
    }

    [Fact]
    public async Task Preview_JsonFiles_ColumnsAreSlashPathsAndRowsHoldValues()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var t = TestClients.OrgA.TenantId;
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "a.json", IngestionApi.Record(t, "a", 1) + "\n" + IngestionApi.Record(t, "b", 2) + "\n");

        // Act
        using var preview = await _api.Client.GetAsync($"{Import}/batches/{batch}/datasets/{dataset}/preview?format=json&nrow=1", TestClients.OrgA, sandbox);
        using var noFormat = await _api.Client.GetAsync($"{Import}/batches/{batch}/datasets/{dataset}/preview", TestClients.OrgA, sandbox);
        using var wrongDataset = await _api.Client.GetAsync($"{Import}/batches/{batch}/datasets/5c8c3c555033b814b69f947f/preview?format=json", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        await OpenApiContract.AssertMatchesAsync(preview);
        var body = await AepClient.JsonAsync(preview);
        Assert.Equal("json", body["formatParams"]!["format"]!.GetValue<string>());
        var columns = body["preview"]!["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal([$"_{t}/loyalty/id", $"_{t}/loyalty/points", $"_{t}/loyalty/tier"], columns);
        var row = Assert.Single(body["preview"]!["rows"]!.AsArray())!;
        Assert.Equal("a", row["0"]!.GetValue<string>());
        Assert.Equal("1", row["1"]!.GetValue<string>());
        await IngestionApi.AssertError(noFormat, HttpStatusCode.BadRequest, "'format'");
        await IngestionApi.AssertError(wrongDataset, HttpStatusCode.NotFound, "loads dataset");
    }

    [Fact]
    public async Task Batches_OtherOrganizationOrSandbox_CannotTouchThem()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset);
        var record = IngestionApi.Record(TestClients.OrgA.TenantId, "a");

        // Act
        using var putOtherOrg = await _api.Put(TestClients.OrgB, "prod", batch, dataset, "a.json", record);
        using var putOtherSandbox = await _api.Put(TestClients.OrgA, other, batch, dataset, "a.json", record);
        using var completeOtherOrg = await _api.Act(TestClients.OrgB, "prod", batch, "COMPLETE");
        using var abortOtherSandbox = await _api.Act(TestClients.OrgA, other, batch, "ABORT");
        using var previewOtherOrg = await _api.Client.GetAsync($"{Import}/batches/{batch}/datasets/{dataset}/preview?format=json", TestClients.OrgB, "prod");
        using var createOtherOrg = await _api.CreateBatchResponse(TestClients.OrgB, "prod", $$$"""{"datasetId":"{{{dataset}}}","inputFormat":{"format":"json"}}""");

        // Assert
        await IngestionApi.AssertError(putOtherOrg, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(putOtherSandbox, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(completeOtherOrg, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(abortOtherSandbox, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(previewOtherOrg, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(createOtherOrg, HttpStatusCode.BadRequest, "does not exist");
        Assert.Equal("loading", (await _api.CatalogBatch(TestClients.OrgA, sandbox, batch))["status"]!.GetValue<string>());
    }
}

public sealed class BatchIngestionApiTestsPostgres(PostgresPlatform fixture) : BatchIngestionApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class BatchIngestionApiTestsSqlite(SqlitePlatform fixture) : BatchIngestionApiTests(fixture), IClassFixture<SqlitePlatform>;
