using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.MergePolicies;
using ProfilePlatform.Api.Tests.Features.ProfileBatches;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Streaming;

/// <summary>Streaming into a Profile-enabled dataset, read back through the entities API as the ISV of issue 7 does:
/// streamed records reach the identity graph and Profile through the batch pipeline's record sink.</summary>
public abstract class StreamingProfileApiTests(PlatformFixture fixture)
{
    private const string Entities = "/data/core/ups/access/entities";

    private readonly StreamingApi _api = new(fixture);
    private readonly ProfileDataApi _profile = new(fixture);
    private readonly MergePolicyApi _policies = new(fixture);

    [Fact]
    public async Task Collect_ProfileDataset_LookupByAnyLinkedIdentitySeesTheStreamedProfileAndItsUpdate()
    {
        // Arrange: a Profile-enabled schema and dataset, a stitching default policy, an inlet
        var client = TestClients.OrgA;
        var sandbox = await _api.Ingestion.NewSandbox(client);
        var schema = await _profile.NewIdentityMapProfileSchema(client, sandbox);
        var dataset = await _profile.NewDataset(client, sandbox, schema);
        await _policies.NewPolicy(client, sandbox, MergePolicyApi.Body(name: "stitched " + Guid.NewGuid().ToString("N")[..8], identityGraph: "pdg", isDefault: true));
        var (_, inletId) = await _api.NewConnection(client, sandbox);
        var target = new Target(client, sandbox, schema, dataset, inletId);
        var email = $"stream-{Guid.NewGuid():N}@example.com";

        // Act: stream the record, then an update of one field
        using (var first = await _api.Collect(target.Url + "?syncValidation=true", StreamingApi.Envelope(target, ProfileDataApi.Member(email, ProfileDataApi.Ecid1, points: 10))))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var byEcid = await WaitForProfile(client, sandbox, ProfileDataApi.Ecid1, "ECID", p => Points(p) == 10);
        using (var update = await _api.Collect(target.Url, StreamingApi.Envelope(target, ProfileDataApi.Member(email, ProfileDataApi.Ecid1, points: 25))))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        var updated = await WaitForProfile(client, sandbox, email, "Email", p => Points(p) == 25);

        // Assert: found by the secondary identity through the graph, with the streamed fields; then the upsert
        Assert.Equal(10, Points(byEcid));
        Assert.Equal([dataset], byEcid["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(2, byEcid["identityGraph"]!.AsArray().Count);
        Assert.Equal(25, Points(updated));
    }

    [Fact]
    public async Task CollectBatch_ProfileDataset_ValidMessagesBecomeProfilesInvalidOnesDoNot()
    {
        // Arrange
        var client = TestClients.OrgA;
        var sandbox = await _api.Ingestion.NewSandbox(client);
        var schema = await _profile.NewIdentityMapProfileSchema(client, sandbox);
        var dataset = await _profile.NewDataset(client, sandbox, schema);
        var (_, inletId) = await _api.NewConnection(client, sandbox);
        var target = new Target(client, sandbox, schema, dataset, inletId);
        var a = $"a-{Guid.NewGuid():N}@example.com";
        var b = $"b-{Guid.NewGuid():N}@example.com";
        var invalid = $"c-{Guid.NewGuid():N}@example.com";
        var messages = new JsonArray(
            JsonNode.Parse(StreamingApi.Envelope(target, ProfileDataApi.Member(a, points: 1))),
            JsonNode.Parse(StreamingApi.Envelope(target, ProfileDataApi.Member(invalid).Replace("\"points\":1", "\"points\":\"many\"", StringComparison.Ordinal))),
            JsonNode.Parse(StreamingApi.Envelope(target, ProfileDataApi.Member(b, points: 2))));

        // Act
        using var response = await _api.Collect($"/collection/batch/{inletId}?syncValidation=true", new JsonObject { ["messages"] = messages }.ToJsonString());

        // Assert: 207 with per-message statuses; both valid records are profiles, the invalid one is not
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        Assert.Equal(1, Points(await WaitForProfile(client, sandbox, a, "Email", _ => true)));
        Assert.Equal(2, Points(await WaitForProfile(client, sandbox, b, "Email", _ => true)));
        using var missing = await Lookup(client, sandbox, invalid, "Email");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static int? Points(JsonObject profile) =>
        profile["entity"]?[$"_{TestClients.OrgA.TenantId}"]?["points"]?.GetValue<int>();

    private Task<HttpResponseMessage> Lookup(TestClient client, string sandbox, string id, string ns) =>
        _api.Client.GetAsync($"{Entities}?schema.name=_xdm.context.profile&entityId={Uri.EscapeDataString(id)}&entityIdNS={ns}", client, sandbox);

    /// <summary>Polls the entities API until the profile of the identity answers and matches (the flusher lands
    /// streamed messages a few hundred milliseconds after their 2xx; the lag is measured by bench/streaming.sh).</summary>
    private async Task<JsonObject> WaitForProfile(TestClient client, string sandbox, string id, string ns, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Lookup(client, sandbox, id, ns);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var profile = JsonNode.Parse(text)!.AsObject().Single().Value!.AsObject();
                if (done(profile))
                {
                    return profile;
                }
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"lookup: {(int)response.StatusCode} {text}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"the streamed profile of {ns} {id} did not become visible: last answer {(int)response.StatusCode} {text}");
            await Task.Delay(50);
        }
    }
}

public sealed class StreamingProfileApiPostgres(PostgresPlatform fixture) : StreamingProfileApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class StreamingProfileApiSqlite(SqlitePlatform fixture) : StreamingProfileApiTests(fixture), IClassFixture<SqlitePlatform>;
