using System.Net;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>CSV and Parquet batches (help/ingestion/batch-ingestion/api-overview.md, "Ingest CSV files", "Ingest Parquet
/// files"): columns mapped to schema fields, values converted to the fields' types, bad files refused at upload.</summary>
public abstract class IngestionFormatsApiTests(PlatformFixture fixture)
{
    private readonly IngestionApi _api = new(fixture);

    private static string T => TestClients.OrgA.TenantId;

    [Fact]
    public async Task Csv_HeaderPathsAndTypedValues_LandAsConvertedJson()
    {
        // Arrange: dotted and slashed paths; quoted delimiters and line breaks; booleans, numbers, dates, epoch ms.
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var csv = $"_{T}.loyalty.id,_{T}/loyalty/points,_{T}.loyalty.vip,_{T}.loyalty.joined,_{T}.loyalty.lastVisit,_{T}.loyalty.tier\r\n"
            + "\"a,1\",42,true,2024-01-02,1531263959000,gold\r\n"
            + "\"b \"\"two\"\"\nlines\",7,FALSE,,2018-07-10T15:05:59Z,\r\n";

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"csv"}""", "", ("members.csv", IngestionApi.Utf8(csv)));
        using var download = await _api.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=members.csv.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        var rows = (await download.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["_" + T]!["loyalty"]!).ToList();
        Assert.Equal("a,1", rows[0]["id"]!.GetValue<string>());
        Assert.Equal(42, rows[0]["points"]!.GetValue<int>());
        Assert.True(rows[0]["vip"]!.GetValue<bool>());
        Assert.Equal("2024-01-02", rows[0]["joined"]!.GetValue<string>());
        Assert.Equal("2018-07-10T23:05:59Z", rows[0]["lastVisit"]!.GetValue<string>());
        Assert.Equal("b \"two\"\nlines", rows[1]["id"]!.GetValue<string>());
        Assert.False(rows[1]["vip"]!.GetValue<bool>());
        Assert.Null(rows[1]["joined"]); // an empty cell leaves the field out
        Assert.Null(rows[1]["tier"]);
    }

    [Fact]
    public async Task Csv_OtherDelimiterAndNullMarker_AreHonoured()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var csv = $"_{T}.loyalty.id;_{T}.loyalty.points\na;NULL\nb;3\n";

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"csv","delimiter":";","nullMarker":"NULL"}""", "", ("m.csv", IngestionApi.Utf8(csv)));

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        Assert.Equal(2, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("_T.loyalty.id,_T.loyalty.nickname\na,b\n", "'_T.loyalty.nickname' is not a field")]
    [InlineData("_T.loyalty,x\na,b\n", "is an object")]
    [InlineData("_T.loyalty.id,_T.loyalty.id\na,b\n", "names a column twice")]
    [InlineData(",\na,b\n", "empty header row")]
    public async Task Csv_HeaderNotMatchingTheSchema_Refused400AtUpload(string csv, string mentions)
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset, "csv");

        // Act
        using var response = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "m.csv", csv.Replace("_T", "_" + T, StringComparison.Ordinal));
        using var complete = await _api.Act(TestClients.OrgA, sandbox, batch, "COMPLETE");

        // Assert
        await IngestionApi.AssertError(response, HttpStatusCode.BadRequest, mentions.Replace("_T", "_" + T, StringComparison.Ordinal));
        await IngestionApi.AssertError(complete, HttpStatusCode.BadRequest, "has no files");
    }

    [Fact]
    public async Task Csv_BadRows_RowErrorsWithCodes()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var csv = $"_{T}.loyalty.id,_{T}.loyalty.points\na,1\nb,many\nc,1,extra\n,4\n\"open,5\n";

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"csv"}""", ""","enableErrorDiagnostics":true""", ("m.csv", IngestionApi.Utf8(csv)));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        var errors = final["errors"]!.AsArray().ToDictionary(e => e!["code"]!.GetValue<string>(), e => e!["recordCount"]?.GetValue<long>());
        Assert.Equal(2, errors["INGEST-1401-400"]); // more values than columns; a quote never closed
        Assert.Equal(1, errors["INGEST-1501-400"]); // "many" is not an integer
        Assert.Equal(1, errors["INGEST-1555-400"]); // no id
        Assert.Equal(5, final["metrics"]!["inputRecordCount"]!.GetValue<long>());
    }

    [Fact]
    public async Task Csv_Preview_ColumnsFromTheHeader()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset, "csv");
        await _api.Upload(TestClients.OrgA, sandbox, batch, dataset, "m.csv", $"_{T}.loyalty.id,_{T}.loyalty.points\na,1\nb,2\n");

        // Act
        using var preview = await _api.Client.GetAsync($"{IngestionApi.Import}/batches/{batch}/datasets/{dataset}/preview?format=csv&delimiter=,&quote=%22&escape=%5C&charset=UTF-8&header=true&nrow=0", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        await OpenApiContract.AssertMatchesAsync(preview);
        var body = await AepClient.JsonAsync(preview);
        Assert.Equal([$"_{T}.loyalty.id", $"_{T}.loyalty.points"], body["preview"]!["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("b", body["preview"]!["rows"]![1]!["0"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parquet_NestedStructsAndTimestamps_LandConverted()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var content = await ParquetFile(
            [new("a", 10, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc)), new("b", 20, new DateTime(2020, 1, 2, 0, 0, 0, DateTimeKind.Utc))],
            rowGroupSize: 1);

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"parquet"}""", "", ("members.parquet", content));
        using var download = await _api.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=members.parquet.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.True(final["status"]!.GetValue<string>() == "success", final.ToJsonString());
        Assert.Equal(2, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        var first = JsonNode.Parse((await download.Content.ReadAsStringAsync()).Split('\n')[0])!["_" + T]!["loyalty"]!;
        Assert.Equal("a", first["id"]!.GetValue<string>());
        Assert.Equal(10, first["points"]!.GetValue<int>());
        Assert.StartsWith("2024-05-06T07:08:09", first["lastVisit"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_CorruptedOrForeignFields_Refused400AtUpload()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);
        var batch = await _api.NewBatch(TestClients.OrgA, sandbox, dataset, "parquet");
        var good = await ParquetFile([new("a", 1, DateTime.UtcNow)], 1);
        var truncated = good[..(good.Length / 2)];
        var noise = IngestionApi.Utf8("PAR1 this is not really parquet PAR1");
        var foreign = await ForeignParquetFile();

        // Act
        using var cut = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "cut.parquet", truncated);
        using var fake = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "fake.parquet", noise);
        using var json = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "x.parquet", IngestionApi.Record(T, "a"));
        using var other = await _api.Put(TestClients.OrgA, sandbox, batch, dataset, "other.parquet", foreign);

        // Assert
        await IngestionApi.AssertError(cut, HttpStatusCode.BadRequest, "cannot be read as Parquet");
        await IngestionApi.AssertError(fake, HttpStatusCode.BadRequest, "cannot be read as Parquet");
        await IngestionApi.AssertError(json, HttpStatusCode.BadRequest, "cannot be read as Parquet");
        await IngestionApi.AssertError(other, HttpStatusCode.BadRequest, "'customer' is not a field");
    }

    private static async Task<byte[]> ParquetFile(IReadOnlyList<Member> members, int rowGroupSize)
    {
        var schema = new ParquetSchema(new StructField("_" + T, new StructField("loyalty",
            new DataField<string>("id"), new DataField<int>("points"), new DateTimeDataField("lastVisit", DateTimeFormat.DateAndTime))));
        var rows = members.Select(m => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["_" + T] = new Dictionary<string, object?>
            {
                ["loyalty"] = new Dictionary<string, object?> { ["id"] = m.Id, ["points"] = m.Points, ["lastVisit"] = m.LastVisit },
            },
        }).ToList();
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeUntypedAsync(rows, schema, stream, new ParquetOptions { RowGroupSize = rowGroupSize });
        return stream.ToArray();
    }

    private static async Task<byte[]> ForeignParquetFile()
    {
        var schema = new ParquetSchema(new DataField<string>("customer"));
        using var stream = new MemoryStream();
        await ParquetSerializer.SerializeUntypedAsync([new Dictionary<string, object?> { ["customer"] = "x" }], schema, stream);
        return stream.ToArray();
    }

    private sealed record Member(string Id, int Points, DateTime LastVisit);
}

public sealed class IngestionFormatsApiTestsPostgres(PostgresPlatform fixture) : IngestionFormatsApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IngestionFormatsApiTestsSqlite(SqlitePlatform fixture) : IngestionFormatsApiTests(fixture), IClassFixture<SqlitePlatform>;
