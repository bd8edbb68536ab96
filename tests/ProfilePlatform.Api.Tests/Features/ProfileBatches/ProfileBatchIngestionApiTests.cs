using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.BatchIngestion;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using static ProfilePlatform.Api.Tests.Features.ProfileBatches.ProfileDataApi;

namespace ProfilePlatform.Api.Tests.Features.ProfileBatches;

/// <summary>Batches of Profile- and Identity-enabled datasets reach Identity Service and Profile in the batch's transaction:
/// once Catalog says <c>success</c>, the graph, fragments and events are there (read-your-writes); record-level identity
/// problems are reported in the batch's errors and row error files while the records stay in the dataset.</summary>
public abstract class ProfileBatchIngestionApiTests(PlatformFixture fixture)
{
    private static readonly CompositeIdentity Ann = new("Email", "ann@acme.com");
    private static readonly CompositeIdentity Bob = new("Email", "bob@acme.com");
    private static readonly CompositeIdentity Ecid = new("ECID", Ecid1);
    private readonly ProfileDataApi _api = new(fixture);

    private static TestClient A => TestClients.OrgA;

    [Fact]
    public async Task LargeBatch_TensOfThousandsOfIdentitiesInOneTransaction_Succeeds()
    {
        // Arrange: 12,000 records of 2 identities each (24,000 identities) in one batch. Each identity once took a
        // transaction-level advisory lock held until the batch committed, and a 20,000-record batch ran PostgreSQL out
        // of lock-table memory ("out of shared memory", max_locks_per_transaction); a batch now takes one lock.
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var dataset = await _api.NewDataset(A, sandbox, await _api.NewIdentityMapProfileSchema(A, sandbox));
        var records = Enumerable.Range(0, 12_000)
            .Select(i => Member($"m{i}@acme.com", "1" + i.ToString("D37", System.Globalization.CultureInfo.InvariantCulture), points: i))
            .ToArray();

        // Act
        var (_, final) = await _api.IngestLines(A, sandbox, dataset, records);

        // Assert: every record landed, linked and in Profile
        Assert.Equal("success", final["status"]!.GetValue<string>());
        Assert.Equal(12_000, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        var last = new CompositeIdentity("Email", "m11999@acme.com");
        Assert.Single(await _api.Fragments(A, sandbox, last));
        Assert.Equal(2, (await _api.Graph(A, sandbox, last))!.Members.Count);
    }

    [Fact]
    public async Task IdentityMapRecords_SuccessMeansGraphAndFragmentsAreCommitted_ProblemsReportedRecordsKept()
    {
        // Arrange: a Profile-enabled schema (identityMap) and a dataset with both switches, made through the APIs
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var dataset = await _api.NewDataset(A, sandbox, await _api.NewIdentityMapProfileSchema(A, sandbox));
        string[] records =
        [
            Member("ann@acme.com", Ecid1, points: 1),
            Member("ann@acme.com", points: 5),
            Member("bob@acme.com", "42"), // an ECID that is not 38 digits: Identity Service and Profile skip the record
            """{"identityMap":{"Phone":[{"id":"+15550100"}],"Email":[{"id":"carl@acme.com"}]}}""", // no primary, no ECID: linked, not in Profile
        ];

        // Act
        var (batch, final) = await _api.IngestLines(A, sandbox, dataset, records);

        // Assert: the batch succeeded with every record in the dataset, and says what Profile could not take
        Assert.Equal("success", final["status"]!.GetValue<string>());
        Assert.Equal(4, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        Assert.Equal(0, final["metrics"]!["failedRecordCount"]!.GetValue<long>());
        var errors = final["errors"]!.AsArray().ToDictionary(e => e!["code"]!.GetValue<string>(), e => e!["recordCount"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, long> { ["INGEST-1601-400"] = 1, ["INGEST-1603-400"] = 1 }, errors);

        // read-your-writes: committed with the batch's status
        var graph = await _api.Graph(A, sandbox, Ann);
        Assert.Equal(["ECID:" + Ecid1, "Email:ann@acme.com"], graph!.Members.Select(m => m.ToString()).Order());
        var fragment = Assert.Single(await _api.Fragments(A, sandbox, Ann));
        Assert.Equal(5, JsonNode.Parse(fragment.RecordJson)!["_" + A.TenantId]!["points"]!.GetValue<int>());
        Assert.Equal(batch, fragment.BatchId);
        Assert.Empty(await _api.Fragments(A, sandbox, Bob));
        Assert.Null(await _api.Graph(A, sandbox, Bob));
        Assert.Equal(2, (await _api.Graph(A, sandbox, new CompositeIdentity("Phone", "+15550100")))!.Members.Count);

        // the problems are in the batch's row error files, not among its refused rows
        using var failed = await _api.Client.GetAsync($"{IngestionApi.Export}/batches/{batch}/failed", A, sandbox);
        Assert.Empty((await AepClient.JsonAsync(failed))["data"]!.AsArray());
        using var listing = await _api.Client.GetAsync($"{IngestionApi.Export}/batches/{batch}/meta?path=row_errors", A, sandbox);
        Assert.Equal(["profile_errors_0.json"], (await AepClient.JsonAsync(listing))["data"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        using var file = await _api.Client.GetAsync($"{IngestionApi.Export}/batches/{batch}/meta?path=row_errors%2Fprofile_errors_0.json", A, sandbox);
        var lines = (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([(3L, "1601"), (4L, "1603")], lines.Select(l => (l["_row"]!.GetValue<long>(), l["_errors"]![0]!["code"]!.GetValue<string>())));
        Assert.Contains("ECID", lines[0]["_errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileIdentities_AreReportedPerRecord_NothingOfThemStored()
    {
        // Arrange: over 20 identities, a blank namespace, a blocked value, a non-string id
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var dataset = await _api.NewDataset(A, sandbox, await _api.NewIdentityMapProfileSchema(A, sandbox));
        var many = string.Join(",", Enumerable.Range(0, 21).Select(i => $$"""{"id":"u{{i}}@acme.com"{{(i == 0 ? ",\"primary\":true" : "")}}}"""));
        string[] records =
        [
            $$$"""{"identityMap":{"Email":[{{{many}}}]}}""",
            """{"identityMap":{"":[{"id":"x"}],"Email":[{"id":"dan@acme.com","primary":true}]}}""",
            """{"identityMap":{"Email":[{"id":"anonymous","primary":true}],"Phone":[{"id":"+15550199"}]}}""",
        ];

        // Act
        var (_, final) = await _api.IngestLines(A, sandbox, dataset, records);

        // Assert
        Assert.Equal("success", final["status"]!.GetValue<string>());
        Assert.Equal(3, final["metrics"]!["outputRecordCount"]!.GetValue<long>());
        var codes = final["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("INGEST-1601-400", codes);
        Assert.Null(await _api.Graph(A, sandbox, new CompositeIdentity("Email", "u1@acme.com")));
        Assert.Empty(await _api.Fragments(A, sandbox, new CompositeIdentity("Email", "u0@acme.com")));
        Assert.Empty(await _api.Fragments(A, sandbox, new CompositeIdentity("Email", "anonymous")));
        Assert.Single(await _api.Fragments(A, sandbox, new CompositeIdentity("Email", "dan@acme.com"))); // the blank namespace only dropped its identity
    }

    [Fact]
    public async Task EventDataset_EventsAppendedAgainstTheirPrimaryIdentity()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var dataset = await _api.NewDataset(A, sandbox, await _api.NewEventSchema(A, sandbox));
        string Visit(string id, string at) => $$$"""{"_id":"{{{id}}}","timestamp":"{{{at}}}","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}],"Email":[{"id":"ann@acme.com"}]},"_{{{A.TenantId}}}":{"page":"home"}}""";

        // Act
        var (_, final) = await _api.IngestLines(A, sandbox, dataset, Visit("e1", "2025-01-01T10:00:00Z"), Visit("e2", "2025-01-02T10:00:00Z"));

        // Assert
        Assert.Equal("success", final["status"]!.GetValue<string>());
        Assert.Equal(["e1", "e2"], (await _api.Events(A, sandbox, Ecid)).Select(e => e.EventId));
        Assert.Empty(await _api.Fragments(A, sandbox, Ecid));
        Assert.Equal(2, (await _api.Graph(A, sandbox, Ann))!.Members.Count);
    }

    [Fact]
    public async Task DescriptorIdentity_FragmentKeyedOnTheDescriptorsNamespace()
    {
        // Arrange: the primary identity is a tenant field with an identity descriptor (Email)
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var dataset = await _api.NewDataset(A, sandbox, await _api.NewDescriptorProfileSchema(A, sandbox));

        // Act
        var (_, final) = await _api.IngestLines(A, sandbox, dataset, $$$"""{"_{{{A.TenantId}}}":{"crmEmail":"ann@acme.com","name":"Ann"}}""");

        // Assert
        Assert.Equal("success", final["status"]!.GetValue<string>());
        var fragment = Assert.Single(await _api.Fragments(A, sandbox, Ann));
        Assert.Equal("Ann", JsonNode.Parse(fragment.RecordJson)!["_" + A.TenantId]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Switches_IdentityOnlyLinks_NeitherSwitchStoresNothing_OtherSandboxSeesNothing()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(A);
        var schema = await _api.NewIdentityMapProfileSchema(A, sandbox);
        var identityOnly = await _api.NewDataset(A, sandbox, schema, profile: false);
        var neither = await _api.NewDataset(A, sandbox, schema, profile: false, identity: false);
        var other = await _api.Ingestion.NewSandbox(A);

        // Act
        var (_, first) = await _api.IngestLines(A, sandbox, identityOnly, Member("ann@acme.com", Ecid1));
        var (_, second) = await _api.IngestLines(A, sandbox, neither, Member("bob@acme.com", ProfileDataApi.Ecid2));

        // Assert
        Assert.Equal(("success", "success"), (first["status"]!.GetValue<string>(), second["status"]!.GetValue<string>()));
        Assert.Equal(2, (await _api.Graph(A, sandbox, Ann))!.Members.Count);
        Assert.Empty(await _api.Fragments(A, sandbox, Ann));
        Assert.Null(await _api.Graph(A, sandbox, Bob));
        Assert.Null(await _api.Graph(A, other, Ann));
        Assert.Null(await _api.Graph(TestClients.OrgB, sandbox, Ann));
    }
}

public sealed class ProfileBatchIngestionApiTestsPostgres(PostgresPlatform fixture) : ProfileBatchIngestionApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class ProfileBatchIngestionApiTestsSqlite(SqlitePlatform fixture) : ProfileBatchIngestionApiTests(fixture), IClassFixture<SqlitePlatform>;
