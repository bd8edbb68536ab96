using System.Net;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Features.ProfileBatches;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.ProfileBatches.ProfileDataApi;

namespace ProfilePlatform.Api.Tests.Features.ProfileSystemJobs;

/// <summary>Preview sample status and its dataset and namespace reports (help/profile/api/preview-sample-status.md),
/// counted from what batches put in the Profile store: merged profiles grouped by identity graph.</summary>
public abstract class PreviewSampleStatusApiTests(PlatformFixture fixture)
{
    private const string Base = "/data/core/ups/previewsamplestatus";
    private readonly ProfileDataApi _data = new(fixture);

    private static TestClient A => TestClients.OrgA;

    [Fact]
    public async Task Counts_MergeFragmentsByGraph_PerDatasetAndNamespace_OtherSandboxSeesNone()
    {
        // Arrange: Ann (Email + ECID) and Bob (Email) as records; events for Ann's ECID and for a second ECID alone
        var sandbox = await _data.Ingestion.NewSandbox(A);
        var records = await _data.NewDataset(A, sandbox, await _data.NewIdentityMapProfileSchema(A, sandbox));
        var events = await _data.NewDataset(A, sandbox, await _data.NewEventSchema(A, sandbox));
        await _data.IngestLines(A, sandbox, records, Member("ann@acme.com", Ecid1), Member("bob@acme.com"));
        string Visit(string id, string ecid) => $$$"""{"_id":"{{{id}}}","timestamp":"2025-01-01T10:00:00Z","identityMap":{"ECID":[{"id":"{{{ecid}}}","primary":true}]}}""";
        var (lastBatch, _) = await _data.IngestLines(A, sandbox, events, Visit("e1", Ecid1), Visit("e2", Ecid1), Visit("e3", ProfileDataApi.Ecid2));
        var other = await _data.Ingestion.NewSandbox(A);

        // Act
        using var status = await _data.Client.GetAsync(Base, A, sandbox);
        using var byDataset = await _data.Client.GetAsync($"{Base}/report/dataset", A, sandbox);
        using var byNamespace = await _data.Client.GetAsync($"{Base}/report/namespace?date={DateTime.UtcNow:yyyy-MM-dd}", A, sandbox);
        using var empty = await _data.Client.GetAsync(Base, A, other);
        using var emptyReport = await _data.Client.GetAsync($"{Base}/report/dataset", A, other);

        // Assert: 3 merged profiles (Ann's graph, Bob, the lone ECID) of 4 fragments and 5 documents
        foreach (var response in new[] { status, byDataset, byNamespace, empty, emptyReport })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await OpenApiContract.AssertMatchesAsync(response);
        }

        var s = await AepClient.JsonAsync(status);
        Assert.Equal(("3", "3", 4, "\"5\""), (s["totalRows"]!.GetValue<string>(), s["numRowsToRead"]!.GetValue<string>(), s["totalFragmentCount"]!.GetValue<int>(), s["docCount"]!.GetValue<string>()));
        Assert.Equal($"\"{lastBatch}\"", s["lastBatchId"]!.GetValue<string>());
        Assert.Equal("TASK_FINISHED", s["status"]!.GetValue<string>());

        var datasets = (await AepClient.JsonAsync(byDataset))["data"]!.AsArray();
        Assert.Equal(
            [(records, 2L, 0.666667), (events, 2L, 0.666667)],
            datasets.Select(d => (d!["value"]!.GetValue<string>(), d["fullIDsCount"]!.GetValue<long>(), d["fullIDsPercentage"]!.GetValue<double>())).OrderBy(d => d.Item1 == records ? 0 : 1));
        Assert.All(datasets, d => Assert.StartsWith("ds-", d!["name"]!.GetValue<string>(), StringComparison.Ordinal));

        var namespaces = (await AepClient.JsonAsync(byNamespace))["data"]!.AsArray()
            .ToDictionary(n => n!["code"]!.GetValue<string>(), n => (n!["value"]!.GetValue<string>(), n["fullIDsCount"]!.GetValue<long>(), n["fullIDsFragmentCount"]!.GetValue<long>()));
        Assert.Equal(new Dictionary<string, (string, long, long)> { ["ECID"] = ("4", 2, 2), ["Email"] = ("6", 2, 2) }, namespaces);

        var none = await AepClient.JsonAsync(empty);
        Assert.Equal(("0", 0, "\"null\""), (none["totalRows"]!.GetValue<string>(), none["totalFragmentCount"]!.GetValue<int>(), none["lastBatchId"]!.GetValue<string>()));
        Assert.Empty((await AepClient.JsonAsync(emptyReport))["data"]!.AsArray());
    }

    [Theory]
    [InlineData("/report/dataset?date=2024-13-45", HttpStatusCode.BadRequest, "UPS-1106-400")]
    [InlineData("/report/namespace?date=yesterday", HttpStatusCode.BadRequest, "UPS-1106-400")]
    [InlineData("/report/dataset?date=2020-08-01", HttpStatusCode.NotFound, "UPS-1107-404")]
    [InlineData("/report/namespace?date=2020-08-01", HttpStatusCode.NotFound, "UPS-1107-404")]
    public async Task Report_BadOrPastDate_IsRefused(string path, HttpStatusCode status, string code)
    {
        // Arrange
        var sandbox = await _data.Ingestion.NewSandbox(A);

        // Act
        using var response = await _data.Client.GetAsync(Base + path, A, sandbox);

        // Assert: 400 is not in the spec for these reports (only 404 and 503): checked for the body, not the contract
        await SystemJobsApi.AssertError(response, status, code, "date", documented: status == HttpStatusCode.NotFound);
    }
}

public sealed class PreviewSampleStatusApiTestsPostgres(PostgresPlatform fixture) : PreviewSampleStatusApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class PreviewSampleStatusApiTestsSqlite(SqlitePlatform fixture) : PreviewSampleStatusApiTests(fixture), IClassFixture<SqlitePlatform>;
