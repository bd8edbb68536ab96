using System.Net;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>What happens after COMPLETE: records checked against the dataset's schema, written when the batch succeeds,
/// none when it fails; status, metrics and errors as Catalog shows them (help/ingestion/quality/error-diagnostics.md).</summary>
public abstract class BatchProcessingApiTests(PlatformFixture fixture)
{
    private readonly IngestionApi _api = new(fixture);

    private static string T => TestClients.OrgA.TenantId;

    /// <summary>Puts the tenant's id into a record written with <c>"_T"</c> for its tenant field.</summary>
    private static string J(string json) => json.Replace("\"_T\"", $"\"_{T}\"", StringComparison.Ordinal);

    [Fact]
    public async Task Ingest_ValidJsonLines_SuccessWithMetricsFilesAndDatasetTracking()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = string.Join("\n", Enumerable.Range(1, 3).Select(i => IngestionApi.Record(T, "m" + i, i))) + "\n";

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("members.json", IngestionApi.Utf8(content)));

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        var metrics = final["metrics"]!;
        Assert.Equal(1, metrics["inputFileCount"]!.GetValue<long>());
        Assert.Equal(content.Length, metrics["inputByteSize"]!.GetValue<long>());
        Assert.Equal(3, metrics["inputRecordCount"]!.GetValue<long>());
        Assert.Equal(3, metrics["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(0, metrics["failedRecordCount"]!.GetValue<long>());
        Assert.Equal(3, metrics["recordsWritten"]!.GetValue<long>());
        Assert.Empty(final["errors"]!.AsArray());
        Assert.True(final["started"]!.GetValue<long>() <= final["completed"]!.GetValue<long>());
        var ds = (await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSets/{dataset}", TestClients.OrgA, sandbox))[dataset]!;
        Assert.Equal("success", ds["lastBatchStatus"]!.GetValue<string>());
        Assert.Equal(batch, ds["lastSuccessfulBatch"]!.GetValue<string>());
        var files = await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSetFiles?batchId={batch}", TestClients.OrgA, sandbox);
        var file = Assert.Single(files).Value!;
        Assert.Equal($"{batch}-1", file["id"]!.GetValue<string>());
        Assert.Equal(3, file["records"]!.GetValue<long>());
        Assert.Equal("members.json", file["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingest_100kRecords_AllLandedOnceAndDownloadable()
    {
        // Arrange
        const int Count = 100_000;
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = new System.Text.StringBuilder(Count * 90);
        for (var i = 0; i < Count; i++)
        {
            content.Append(IngestionApi.Record(T, "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i % 1000)).Append('\n');
        }

        var started = DateTime.UtcNow;

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("big.json", IngestionApi.Utf8(content.ToString())));
        var elapsed = DateTime.UtcNow - started;
        using var download = await _api.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=big.json", TestClients.OrgA, sandbox);
        var lines = 0;
        using (var reader = new StreamReader(await download.Content.ReadAsStreamAsync()))
        {
            while (await reader.ReadLineAsync() is not null)
            {
                lines++;
            }
        }

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        Assert.Equal(Count, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(Count, lines);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"100k records took {elapsed}");
    }

    [Fact]
    public async Task Ingest_OneBadRecordWithoutPartialIngestion_FailedNothingLandedGenericError()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = IngestionApi.Record(T, "a") + "\n" + J("""{"_T":{"loyalty":{"points":5}}}""") + "\n" + IngestionApi.Record(T, "c") + "\n";

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("members.json", IngestionApi.Utf8(content)));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        Assert.Equal(3, final["metrics"]!["inputRecordCount"]!.GetValue<long>());
        Assert.Equal(0, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(1, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
        var error = Assert.Single(final["errors"]!.AsArray())!;
        Assert.Equal("INGEST-1211-400", error["code"]!.GetValue<string>());
        Assert.Null(error["recordCount"]);
        Assert.Empty(await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSetFiles?batchId={batch}", TestClients.OrgA, sandbox));
        var ds = (await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSets/{dataset}", TestClients.OrgA, sandbox))[dataset]!;
        Assert.Equal(batch, ds["lastFailedBatch"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingest_BadRecordsWithDiagnostics_ErrorsPerCodeWithRecordCounts()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = string.Join("\n",
            IngestionApi.Record(T, "a"),
            J("""{"_T":{"loyalty":{"points":5}}}"""),
            J("""{"_T":{"loyalty":{"id":"x","tier":"bronze"}}}"""),
            """{"broken": """,
            J("""{"_T":{"loyalty":{"id":"y","unknown":1}}}""")) + "\n";

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", ""","enableErrorDiagnostics":true""", ("members.json", IngestionApi.Utf8(content)));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        var errors = final["errors"]!.AsArray().ToDictionary(e => e!["code"]!.GetValue<string>(), e => e!["recordCount"]?.GetValue<long>());
        Assert.Equal(1, errors["INGEST-1401-400"]);
        Assert.Equal(1, errors["INGEST-1555-400"]);
        Assert.Equal(2, errors["INGEST-1501-400"]);
        Assert.Equal(4, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ingest_ValuesOfConvertibleTypes_AreConvertedAsTheTypesTableAllows()
    {
        // Arrange: strings to integer and number, epoch milliseconds to date and date-time, an ISO string without offset.
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = J("""{"_T":{"loyalty":{"id":"a","points":"42","score":"4.5","joined":1531263959000,"lastVisit":"2018-07-10 15:05:59"}}}""") + "\n"
            + J("""{"_T":{"loyalty":{"id":"b","points":7.0,"lastVisit":1531263959000,"joined":"2018-07-10T23:30:00-08:00"}}}""") + "\n";

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("members.json", IngestionApi.Utf8(content)));

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        Assert.Equal(2, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"_T":{"loyalty":{"id":"a","vip":"true"}}}""")]
    [InlineData("""{"_T":{"loyalty":{"id":"a","points":"many"}}}""")]
    [InlineData("""{"_T":{"loyalty":{"id":"a","points":4.5}}}""")]
    [InlineData("""{"_T":{"loyalty":{"id":"a","joined":"yesterday"}}}""")]
    [InlineData("""{"_T":{"loyalty":{"id":["a"]}}}""")]
    public async Task Ingest_ValueThatCannotBeConverted_FailsTheBatch(string record)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", ""","enableErrorDiagnostics":true""", ("m.json", IngestionApi.Utf8(record.Replace("_T", "_" + T, StringComparison.Ordinal) + "\n")));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        Assert.Equal("INGEST-1501-400", Assert.Single(final["errors"]!.AsArray())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ingest_MultiLineJson_ArrayAndConcatenatedDocuments()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var array = J("""
            [
              {"_T": {"loyalty": {"id": "a",
                                     "points": 1}}},
              {
                "_T": {"loyalty": {"id": "b", "points": 2}}
              }
            ]
            """);
        var concatenated = J("""
            {"_T": {"loyalty": {"id": "c"}}}
            {
              "_T": {"loyalty": {"id": "d"}}
            }
            """);

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json","isMultiLineJson":true}""", "",
            ("array.json", IngestionApi.Utf8(array)), ("docs.json", IngestionApi.Utf8(concatenated)));

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        Assert.Equal(4, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(2, final["metrics"]!["inputFileCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ingest_MultiLineJsonBrokenMidFile_FailsWithTheFileNamed()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var broken = J("""[{"_T":{"loyalty":{"id":"a"}}}, {"_T": oops}]""");

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json","isMultiLineJson":true}""", "", ("broken.json", IngestionApi.Utf8(broken)));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        var error = final["errors"]!.AsArray().First()!;
        Assert.Equal("INGEST-1402-400", error["code"]!.GetValue<string>());
        Assert.Contains("broken.json", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("record 2", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_EmptyFileAmongGoodOnes_FailsWith106()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "",
            ("good.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))), ("empty.json", []));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        var error = Assert.Single(final["errors"]!.AsArray())!;
        Assert.Equal("106", error["code"]!.GetValue<string>());
        Assert.Contains("empty.json", error["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await _api.CatalogApi.GetObject($"{IngestionApi.Catalog}/dataSetFiles?batchId={batch}", TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task Preview_AfterProcessing_Returns400()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))));

        // Act
        using var preview = await _api.Client.GetAsync($"{IngestionApi.Import}/batches/{batch}/datasets/{dataset}/preview?format=json", TestClients.OrgA, sandbox);

        // Assert
        await IngestionApi.AssertError(preview, HttpStatusCode.BadRequest, "no longer staged");
    }

    [Fact]
    public async Task Abort_AfterSuccess_Returns400AndBatchStaysSuccess()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var (batch, _) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", "", ("a.json", IngestionApi.Utf8(IngestionApi.Record(T, "a"))));

        // Act
        using var abort = await _api.Act(TestClients.OrgA, sandbox, batch, "ABORT");
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");

        // Assert
        await IngestionApi.AssertError(abort, HttpStatusCode.BadRequest, "success");
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("success", (await AepClient.JsonAsync(complete))["status"]!.GetValue<string>());
    }
}

public sealed class BatchProcessingApiTestsPostgres(PostgresPlatform fixture) : BatchProcessingApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class BatchProcessingApiTestsSqlite(SqlitePlatform fixture) : BatchProcessingApiTests(fixture), IClassFixture<SqlitePlatform>;
