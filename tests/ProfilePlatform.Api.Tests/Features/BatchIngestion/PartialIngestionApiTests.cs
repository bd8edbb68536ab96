using System.Globalization;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>Partial ingestion (help/ingestion/batch-ingestion/partial.md, help/ingestion/quality/error-diagnostics.md): bad
/// rows are skipped while they stay within the batch's threshold, and the batch succeeds with their counts and errors;
/// above it nothing lands.</summary>
public abstract class PartialIngestionApiTests(PlatformFixture fixture)
{
    private readonly IngestionApi _api = new(fixture);

    private static string T => TestClients.OrgA.TenantId;

    [Theory]
    [InlineData("partialIngestionPercentage")]
    [InlineData("partialIngestionPercent")]
    public async Task WithinThreshold_SuccessGoodRowsLandedBadOnesCounted(string field)
    {
        // Arrange: 100 rows, 3 bad, 5% allowed.
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", $",\"{field}\":5", ("m.json", Content(100, bad: 3)));
        using var download = await _api.Client.GetAsync($"{IngestionApi.Export}/files/{batch}-1?path=m.json", TestClients.OrgA, sandbox);
        using var failed = await _api.Client.GetAsync($"{IngestionApi.Export}/batches/{batch}/failed?path=part-00000-{batch}.json", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal("success", final["status"]!.GetValue<string>());
        Assert.Equal(100, final["metrics"]!["inputRecordCount"]!.GetValue<long>());
        Assert.Equal(97, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(3, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
        var errors = final["errors"]!.AsArray();
        Assert.Equal("INGEST-1212-400", errors[0]!["code"]!.GetValue<string>());
        Assert.Equal("Encountered 3 errors in the data. Successfully ingested 97 rows. Please review the associated diagnostic files for more details.", errors[0]!["description"]!.GetValue<string>());
        Assert.Equal(3, errors.Single(e => e!["code"]!.GetValue<string>() == "INGEST-1555-400")!["recordCount"]!.GetValue<long>());
        Assert.Equal("true", final["tags"]!["acp_enableErrorDiagnostics"]![0]!.GetValue<string>());
        Assert.Equal(97, (await download.Content.ReadAsStringAsync()).Count(c => c == '\n'));
        Assert.Equal(3, (await failed.Content.ReadAsStringAsync()).Count(c => c == '\n'));
    }

    [Fact]
    public async Task OverThreshold_FailedNothingLandedSummaryNamesTheThreshold()
    {
        // Arrange: 100 rows, 6 bad, 5% allowed.
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        var (batch, final) = await _api.IngestBatch(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", ",\"partialIngestionPercentage\":5", ("m.json", Content(100, bad: 6)));
        using var files = await _api.Client.GetAsync($"{IngestionApi.Export}/batches/{batch}/files", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        Assert.Equal(0, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(6, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
        Assert.Contains("more than the 5% of 100 rows", final["errors"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await AepClient.JsonAsync(files))["data"]!.AsArray());
    }

    [Fact]
    public async Task ZeroPercent_AnyBadRowFailsTheBatch()
    {
        // Arrange
        var (sandbox, dataset) = await _api.NewLoyaltyDataset(TestClients.OrgA);

        // Act
        var final = await _api.IngestWith(TestClients.OrgA, sandbox, dataset, """{"format":"json"}""", ",\"partialIngestionPercentage\":0", ("m.json", Content(1000, bad: 1)));

        // Assert
        Assert.Equal("failed", final["status"]!.GetValue<string>());
        Assert.Equal(1, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
    }

    /// <summary>Rows whose last <paramref name="bad"/> lack the required id.</summary>
    private static byte[] Content(int rows, int bad) => IngestionApi.Utf8(string.Concat(Enumerable.Range(0, rows).Select(i => (i >= rows - bad
        ? "{\"_" + T + "\":{\"loyalty\":{\"points\":" + i.ToString(CultureInfo.InvariantCulture) + "}}}"
        : IngestionApi.Record(T, "m" + i.ToString(CultureInfo.InvariantCulture), i)) + "\n")));
}

public sealed class PartialIngestionApiTestsPostgres(PostgresPlatform fixture) : PartialIngestionApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class PartialIngestionApiTestsSqlite(SqlitePlatform fixture) : PartialIngestionApiTests(fixture), IClassFixture<SqlitePlatform>;
