using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>Reading back what batches landed and refused through the Data Access API (data-access.yaml; help/data-access/api.md,
/// help/ingestion/quality/error-diagnostics.md, retrieve-failed-batches.md).</summary>
public abstract class DataAccessApiTests(PlatformFixture fixture)
{
    private const string Export = IngestionApi.Export;
    private readonly IngestionApi _api = new(fixture);

    private static string T => TestClients.OrgA.TenantId;

    [Fact]
    public async Task SuccessfulBatch_FilesListedDownloadedWholeAndByRange()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var a = IngestionApi.Record(T, "a", 1) + "\n" + IngestionApi.Record(T, "b", 2) + "\n";
        var b = "{\n\"_" + T + "\": {\"loyalty\": {\"id\": \"c\"}}\n}\n";
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json","isMultiLineJson":true}""", "",
            ("part/a.json", IngestionApi.Utf8(a)), ("b.txt", IngestionApi.Utf8(b)));
        Assert.Equal("success", final["status"]!.GetValue<string>());

        // Act
        using var list = await _api.Client.GetAsync($"{Export}/batches/{batch}/files", TestClients.OrgA, sandbox);
        var files = (await AepClient.JsonAsync(list))["data"]!.AsArray();
        var first = files[0]!["dataSetFileId"]!.GetValue<string>();
        using var entry = await _api.Client.GetAsync($"{Export}/files/{first}", TestClients.OrgA, sandbox);
        var item = (await AepClient.JsonAsync(entry))["data"]![0]!;
        var download = item["_links"]!["self"]!["href"]!.GetValue<string>();
        using var whole = await _api.Client.GetAsync(new Uri(download).PathAndQuery, TestClients.OrgA, sandbox);
        using var ranged = await Ranged(sandbox, new Uri(download).PathAndQuery, "bytes=0-9");
        using var tail = await Ranged(sandbox, new Uri(download).PathAndQuery, "bytes=-5");
        using var beyond = await Ranged(sandbox, new Uri(download).PathAndQuery, "bytes=100000-");
        using var second = await _api.Client.GetAsync($"{Export}/files/{batch}-2?path=b.txt.json", TestClients.OrgA, sandbox);
        using var head = await _api.Client.SendAsync(HttpMethod.Head, $"{Export}/files/{batch}-2?path=b.txt.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await OpenApiContract.AssertMatchesAsync(list);
        Assert.Equal([$"{batch}-1", $"{batch}-2"], files.Select(f => f!["dataSetFileId"]!.GetValue<string>()));
        Assert.Equal("2", files[0]!["records"]!.GetValue<string>());
        Assert.True(files[0]!["isValid"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        await OpenApiContract.AssertMatchesAsync(entry);
        Assert.Equal("part/a.json", item["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        var text = await whole.Content.ReadAsStringAsync();
        Assert.Equal(a, text);
        Assert.Equal(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), item["length"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(a[..10], await ranged.Content.ReadAsStringAsync());
        Assert.Equal($"bytes 0-9/{a.Length}", ranged.Content.Headers.ContentRange!.ToString());
        Assert.Equal(a[^5..], await tail.Content.ReadAsStringAsync());
        await IngestionApi.AssertError(beyond, HttpStatusCode.RequestedRangeNotSatisfiable, "Range");
        Assert.Equal($"bytes */{a.Length}", beyond.Content.Headers.ContentRange!.ToString());
        Assert.Equal("{\"_" + T + "\":{\"loyalty\":{\"id\":\"c\"}}}\n", await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(await second.Content.ReadAsByteArrayAsync() is { } bytes ? bytes.Length : -1, head.Content.Headers.ContentLength);
        Assert.Equal("bytes", head.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task FailedBatch_FailedRecordsAndRowErrorFilesNameEveryProblem()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = IngestionApi.Record(T, "a") + "\n" + "{\"_" + T + "\":{\"loyalty\":{\"points\":5}}}\n" + "not json\n";
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", ""","enableErrorDiagnostics":true""", ("members.json", IngestionApi.Utf8(content)));
        Assert.Equal("failed", final["status"]!.GetValue<string>());

        // Act
        using var failed = await _api.Client.GetAsync($"{Export}/batches/{batch}/failed", TestClients.OrgA, sandbox);
        using var failedFile = await _api.Client.GetAsync($"{Export}/batches/{batch}/failed?path=part-00000-{batch}.json", TestClients.OrgA, sandbox);
        using var meta = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta", TestClients.OrgA, sandbox);
        using var rowErrors = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=row_errors", TestClients.OrgA, sandbox);
        using var conversion = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=row_errors%2Fconversion_errors_0.json", TestClients.OrgA, sandbox);
        using var parsing = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=row_errors/parsing_errors_0.json", TestClients.OrgA, sandbox);
        using var inputs = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=input_files", TestClients.OrgA, sandbox);
        using var input = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=input_files/fileMetaData1.json", TestClients.OrgA, sandbox);
        using var files = await _api.Client.GetAsync($"{Export}/batches/{batch}/files", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        await OpenApiContract.AssertMatchesAsync(failed);
        Assert.Equal($"part-00000-{batch}.json", (await AepClient.JsonAsync(failed))["data"]![0]!["name"]!.GetValue<string>());
        var failedRows = Lines(await failedFile.Content.ReadAsStringAsync());
        Assert.Equal(2, failedRows.Count);
        Assert.Equal("required", failedRows[0]["_validationErrors"]![0]!["keyword"]!.GetValue<string>());
        Assert.Equal($"#/_{T}/loyalty/id", failedRows[0]["_validationErrors"]![0]!["pointerToViolation"]!.GetValue<string>());
        Assert.Equal("not json", failedRows[1]["_corrupt_record"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, meta.StatusCode);
        await OpenApiContract.AssertMatchesAsync(meta);
        Assert.Equal(["input_files", "row_errors", "row_errors_sample.json"], (await AepClient.JsonAsync(meta))["data"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        Assert.Equal(["conversion_errors_0.json", "parsing_errors_0.json"], (await AepClient.JsonAsync(rowErrors))["data"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()));
        var required = Assert.Single(Lines(await conversion.Content.ReadAsStringAsync()));
        Assert.Equal("1555", required["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(2, required["_row"]!.GetValue<long>());
        Assert.Equal("members.json", required["_filename"]!.GetValue<string>());
        var corrupt = Assert.Single(Lines(await parsing.Content.ReadAsStringAsync()));
        Assert.Equal("1401", corrupt["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(3, corrupt["_row"]!.GetValue<long>());
        Assert.Equal("fileMetaData1.json", (await AepClient.JsonAsync(inputs))["data"]![0]!["name"]!.GetValue<string>());
        var inputLine = Assert.Single(Lines(await input.Content.ReadAsStringAsync()));
        Assert.Equal("members.json", inputLine["path"]!.GetValue<string>());
        Assert.Equal("2", inputLine["failedRecords"]!.GetValue<string>());
        Assert.Empty((await AepClient.JsonAsync(files))["data"]!.AsArray());
    }

    [Fact]
    public async Task UnknownIdsPathsAndBadPaging_Return4xx()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))));

        // Act
        using var unknownBatch = await _api.Client.GetAsync($"{Export}/batches/01E8043CY305K2MTV5ANH9G1GC/files", TestClients.OrgA, sandbox);
        using var unknownFile = await _api.Client.GetAsync($"{Export}/files/{batch}-9", TestClients.OrgA, sandbox);
        using var wrongPath = await _api.Client.GetAsync($"{Export}/files/{batch}-1?path=../../etc/passwd", TestClients.OrgA, sandbox);
        using var unknownMeta = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=secrets", TestClients.OrgA, sandbox);
        using var noFailed = await _api.Client.GetAsync($"{Export}/batches/{batch}/failed?path=part-00000-{batch}.json", TestClients.OrgA, sandbox);
        using var badLimit = await _api.Client.GetAsync($"{Export}/batches/{batch}/files?limit=500", TestClients.OrgA, sandbox);
        using var badStart = await _api.Client.GetAsync($"{Export}/batches/{batch}/files?start=-1", TestClients.OrgA, sandbox);
        using var unknownDataset = await _api.Client.GetAsync($"{Export}/datasets/5c8c3c555033b814b69f947f/preview", TestClients.OrgA, sandbox);

        // Assert
        await IngestionApi.AssertError(unknownBatch, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(unknownFile, HttpStatusCode.NotFound, "No dataset file");
        await IngestionApi.AssertError(wrongPath, HttpStatusCode.NotFound, "holds 'a.json'");
        await IngestionApi.AssertError(unknownMeta, HttpStatusCode.NotFound, "no meta file");
        await IngestionApi.AssertError(noFailed, HttpStatusCode.NotFound, "refused no rows");
        await IngestionApi.AssertError(badLimit, HttpStatusCode.BadRequest, "'limit'");
        await IngestionApi.AssertError(badStart, HttpStatusCode.BadRequest, "'start'");
        await IngestionApi.AssertError(unknownDataset, HttpStatusCode.NotFound, "No dataset");
    }

    [Fact]
    public async Task DatasetPreviewAndPaging_ShowLandedRecords()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "",
            ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))), ("b.json", IngestionApi.Utf8(IngestionApi.Record(T, "b"))));
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("c.json", IngestionApi.Utf8(IngestionApi.Record(T, "c"))));

        // Act
        using var preview = await _api.Client.GetAsync($"{Export}/datasets/{dataset}/preview", TestClients.OrgA, sandbox);
        using var page = await _api.Client.GetAsync($"{Export}/batches/{batch}/files?limit=1&start=0", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        await OpenApiContract.AssertMatchesAsync(preview);
        var ids = (await AepClient.JsonAsync(preview))["data"]!.AsArray().Select(r => r!["_" + T]!["loyalty"]!["id"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["a", "b", "c"], ids);
        Assert.Equal(1, (await AepClient.JsonAsync(page))["_page"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task OtherOrganizationOrSandbox_SeesNothing()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))));

        // Act
        using var filesOtherOrg = await _api.Client.GetAsync($"{Export}/batches/{batch}/files", TestClients.OrgB, "prod");
        using var downloadOtherOrg = await _api.Client.GetAsync($"{Export}/files/{batch}-1?path=a.json", TestClients.OrgB, "prod");
        using var downloadOtherSandbox = await _api.Client.GetAsync($"{Export}/files/{batch}-1?path=a.json", TestClients.OrgA, other);
        using var previewOtherSandbox = await _api.Client.GetAsync($"{Export}/datasets/{dataset}/preview", TestClients.OrgA, other);
        using var metaOtherOrg = await _api.Client.GetAsync($"{Export}/batches/{batch}/meta?path=input_files", TestClients.OrgB, "prod");

        // Assert
        await IngestionApi.AssertError(filesOtherOrg, HttpStatusCode.NotFound, "No batch");
        await IngestionApi.AssertError(downloadOtherOrg, HttpStatusCode.NotFound, "No dataset file");
        await IngestionApi.AssertError(downloadOtherSandbox, HttpStatusCode.NotFound, "No dataset file");
        await IngestionApi.AssertError(previewOtherSandbox, HttpStatusCode.NotFound, "No dataset");
        await IngestionApi.AssertError(metaOtherOrg, HttpStatusCode.NotFound, "No batch");
    }

    [Fact]
    public async Task DeleteDataset_ErasesItsRecordsAndUploads()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))));

        // Act
        using var deleted = await _api.CatalogApi.Send(HttpMethod.Delete, $"{IngestionApi.Catalog}/dataSets/{dataset}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var scope = fixture.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(TestClients.OrgA.ImsOrg, sandbox));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT CAST(COALESCE(SUM(record_count), 0) AS INTEGER) AS \"Value\" FROM dataset_record_chunks WHERE batch_id = {0}", batch).SingleAsync());
        Assert.Equal(0, await db.BatchFiles.CountAsync(f => f.BatchId == batch));
    }

    private async Task<HttpResponseMessage> Ranged(string sandbox, string path, string range)
    {
        using var request = await _api.Client.RequestAsync(HttpMethod.Get, path, TestClients.OrgA, sandbox);
        request.Headers.Range = RangeHeaderValue.Parse(range);
        return await _api.Client.Http.SendAsync(request);
    }

    private static List<JsonObject> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
}

public sealed class DataAccessApiTestsPostgres(PostgresPlatform fixture) : DataAccessApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class DataAccessApiTestsSqlite(SqlitePlatform fixture) : DataAccessApiTests(fixture), IClassFixture<SqlitePlatform>;
