using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.Identity.IdentityGraphSeed;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary><c>POST /identity/v2/graph</c> (identity-service.yaml <c>getGraphs</c>): set and graph projections of a
/// graph seeded through the platform's graph service, in the form the identities were requested in.</summary>
public abstract class IdentityGraphApiTests(PlatformFixture fixture)
{
    private const string Graph = "/data/core/identity/v2/graph";
    private readonly IdentityApi _api = new(fixture);

    private async Task<string> Seeded()
    {
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await LinkAsync(fixture, TestClients.OrgA, sandbox,
            Record(1, "ds1", "b1", Email("a"), Ecid("1")),
            Record(2, "ds2", "b2", Ecid("1"), Phone("p")),
            Record(3, "ds3", "b3", Email("a"), Ecid("1")));
        return sandbox;
    }

    private Task<HttpResponseMessage> Post(string sandbox, string body, TestClient? client = null) =>
        _api.Send(HttpMethod.Post, Graph, client ?? TestClients.OrgA, sandbox, body);

    [Fact]
    public async Task Set_ByNamespaceCode_MembersAsNsAndId_UnknownNamespaceUnprocessed()
    {
        // Arrange
        var sandbox = await Seeded();

        // Act
        using var response = await Post(sandbox, """{"composite_xids":[{"ns":"email","id":"a"},{"ns":"Email","id":"nobody"},{"ns":"adcould","id":"2521328045094711779817"}],"projection_type":"set"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("2.0", body["version"]!.GetValue<string>());
        var graphs = body["graphs"]!.AsArray();
        Assert.Equal(2, graphs.Count);
        Assert.Equal("""{"ns":"email","id":"a"}""", graphs[0]!["composite_xid"]!.ToJsonString());
        Assert.Equal("""[{"ns":"ECID","id":"1"},{"ns":"Email","id":"a"},{"ns":"Phone","id":"p"}]""", graphs[0]!["members"]!.ToJsonString());
        Assert.Empty(graphs[1]!["members"]!.AsArray());
        Assert.Equal("""[{"ns":"adcould","id":"2521328045094711779817"}]""", body["unprocessed_composite_xids"]!.ToJsonString());
        Assert.Equal("STITCH_ALL", body["algo_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Graph_ByNsid_WithEdgeMetadata_VerticesAndEdgesWithProvenance()
    {
        // Arrange
        var sandbox = await Seeded();

        // Act
        using var withMeta = await Post(sandbox, """{"composite_xids":[{"nsid":6,"id":"a"}],"projection_type":"graph","require_edge_meta_data":true}""");
        using var withoutMeta = await Post(sandbox, """{"composite_xids":[{"nsid":6,"id":"a"}],"projection_type":"graph"}""");

        // Assert
        await OpenApiContract.AssertMatchesAsync(withMeta);
        var graph = (await AepClient.JsonAsync(withMeta))["graphs"]![0]!;
        Assert.Equal("""{"nsid":6,"id":"a"}""", graph["composite_xid"]!.ToJsonString());
        var vertices = graph["vertices"]!.AsArray();
        Assert.Equal(["""{"nsid":4,"id":"1"}""", """{"nsid":6,"id":"a"}""", """{"nsid":7,"id":"p"}"""], vertices.Select(v => v!["composite_xid"]!.ToJsonString()));
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), vertices[1]!["last_updated_ts"]!.GetValue<long>());
        Assert.Equal(T0.AddMinutes(2).ToUnixTimeMilliseconds(), vertices[2]!["last_updated_ts"]!.GetValue<long>());
        var edges = graph["edges"]!.AsArray();
        Assert.Equal(2, edges.Count);
        var ecidEmail = edges.Single(e => e!["composite_xid_pair"]!.ToJsonString() == """[{"nsid":4,"id":"1"},{"nsid":6,"id":"a"}]""")!;
        Assert.Equal(T0.AddMinutes(1).ToUnixTimeMilliseconds(), ecidEmail["first_established_ts"]!.GetValue<long>());
        Assert.Equal(T0.AddMinutes(3).ToUnixTimeMilliseconds(), ecidEmail["last_established_ts"]!.GetValue<long>());
        Assert.Equal("""["ds1","ds3"]""", ecidEmail["dataset_ids"]!.ToJsonString());
        Assert.Equal("""["b1","b3"]""", ecidEmail["batch_ids"]!.ToJsonString());
        var plain = (await AepClient.JsonAsync(withoutMeta))["graphs"]![0]!["edges"]![0]!.AsObject();
        Assert.Equal(["composite_xid_pair", "first_established_ts", "last_established_ts"], plain.Select(p => p.Key));
    }

    [Fact]
    public async Task Graph_ByXids_XidPairs_UnknownXidEmpty_MalformedUnprocessed()
    {
        // Arrange
        var sandbox = await Seeded();

        // Act
        using var response = await Post(sandbox, new JsonObject
        {
            ["xids"] = new JsonArray(Phone("p").Identity.Xid, "HHDAHDKYYD", "not valid!"),
            ["projection_type"] = "graph",
            ["require_edge_meta_data"] = true,
        }.ToJsonString());

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        var graphs = body["graphs"]!.AsArray();
        Assert.Equal(Phone("p").Identity.Xid, graphs[0]!["xid"]!.GetValue<string>());
        Assert.Equal(new[] { Ecid("1"), Email("a"), Phone("p") }.Select(i => i.Identity.Xid), graphs[0]!["vertices"]!.AsArray().Select(v => v!["xid"]!.GetValue<string>()));
        Assert.All(graphs[0]!["edges"]!.AsArray(), e => Assert.Equal(2, e!["xid_pair"]!.AsArray().Count));
        Assert.Empty(graphs[1]!["vertices"]!.AsArray());
        Assert.Equal("""["not valid!"]""", body["unprocessed_xids"]!.ToJsonString());
        Assert.Null(body["unprocessed_composite_xids"]);
    }

    [Theory]
    [InlineData("""{"xids":["abc"]}""", "Graph Request Invalid - projection types available are [graph|set].")]
    [InlineData("""{"xids":["abc"],"projection_type":"tree"}""", "Graph Request Invalid - projection types available are [graph|set].")]
    [InlineData("""{"projection_type":"set"}""", "must contain 'xids' or 'composite_xids'")]
    [InlineData("""{"composite_xids":[],"projection_type":"set"}""", "'composite_xids' must name at least one identity")]
    [InlineData("""{"xids":["abc"],"projection_type":"graph","require_edge_meta_data":"yes"}""", "require_edge_meta_data must be true or false")]
    [InlineData("""{"xids":["abc"],"projection_type":"set","graph_type":"coop"}""", "not provisioned")]
    [InlineData("{not json", "Malformed JSON")]
    public async Task Malformed_400_ReasonAndMessage(string body, string mentions)
    {
        // Act
        using var response = await Post("prod", body);

        // Assert
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, raw);
        await OpenApiContract.AssertMatchesAsync(response);
        var error = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["reason", "message"], error.Select(p => p.Key));
        Assert.StartsWith("Validation error Request id: ", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mentions, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreThan1000Identities_400()
    {
        // Arrange
        var body = new JsonObject
        {
            ["xids"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode?)JsonValue.Create($"X{i}"))]),
            ["projection_type"] = "set",
        };

        // Act
        using var response = await Post("prod", body.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000", (await AepClient.JsonAsync(response))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherSandboxAndOrg_SeeNothing()
    {
        // Arrange
        var sandbox = await Seeded();
        var other = await _api.NewSandbox(TestClients.OrgA);
        const string Body = """{"composite_xids":[{"ns":"Email","id":"a"}],"projection_type":"set"}""";

        // Act
        using var own = await Post(sandbox, Body);
        using var elsewhere = await Post(other, Body);
        using var otherOrg = await Post("prod", Body, TestClients.OrgB);

        // Assert
        Assert.Equal(3, (await AepClient.JsonAsync(own))["graphs"]![0]!["members"]!.AsArray().Count);
        Assert.Empty((await AepClient.JsonAsync(elsewhere))["graphs"]![0]!["members"]!.AsArray());
        Assert.Empty((await AepClient.JsonAsync(otherOrg))["graphs"]![0]!["members"]!.AsArray());
    }
}

public sealed class IdentityGraphApiTestsPostgres(PostgresPlatform fixture) : IdentityGraphApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IdentityGraphApiTestsSqlite(SqlitePlatform fixture) : IdentityGraphApiTests(fixture), IClassFixture<SqlitePlatform>;
