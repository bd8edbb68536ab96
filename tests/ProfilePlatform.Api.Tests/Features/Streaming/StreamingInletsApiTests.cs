using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Streaming;

/// <summary>HTTP API inlets: Flow Service connections (create 201 {id, etag}; lookup {items:[...]} with the 64-hex inlet id and
/// URL under auth.params) and the older inlet API (create, list, get, delete), with their bad input and isolation.</summary>
public abstract class StreamingInletsApiTests(PlatformFixture fixture)
{
    private readonly StreamingApi _api = new(fixture);

    [Fact]
    public async Task CreateConnection_HttpApiSpec_AnswersIdAndEtagAndLookupShowsInlet()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(TestClients.OrgA);

        // Act
        using var created = await _api.CreateConnection(TestClients.OrgA, sandbox, StreamingApi.ConnectionBody(authenticated: true));
        var body = await StreamingApi.Body(created);
        var id = body["id"]!.GetValue<string>();
        using var lookup = await _api.Client.GetAsync($"{StreamingApi.Connections}/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await OpenApiContract.AssertMatchesAsync(created);
        Assert.True(Guid.TryParse(id, out _), id);
        Assert.Matches("^\"[0-9a-f-]+\"$", body["etag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        await OpenApiContract.AssertMatchesAsync(lookup);
        var item = (await StreamingApi.Body(lookup))["items"]!.AsArray().Single()!;
        Assert.Equal(id, item["id"]!.GetValue<string>());
        Assert.Equal(StreamingApi.HttpApiSpec, item["connectionSpec"]!["id"]!.GetValue<string>());
        Assert.Equal(body["etag"]!.GetValue<string>(), item["etag"]!.GetValue<string>());
        var parameters = item["auth"]!["params"]!;
        var inletId = parameters["inletId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", inletId);
        Assert.NotEqual(id.Replace("-", "", StringComparison.Ordinal), inletId);
        Assert.EndsWith($"/collection/{inletId}", parameters["inletUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(parameters["authenticationRequired"]!.GetValue<bool>());
        Assert.Equal("test source", parameters["sourceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateConnection_BadInput_FlowErrorsAndNothingCreated()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(TestClients.OrgA);
        string[] bodies =
        [
            "{}",
            StreamingApi.ConnectionBody(spec: "00000000-0000-0000-0000-000000000000"),
            """{"name":"x","connectionSpec":{"id":42}}""",
            """{"name":"x","connectionSpec":{"id":"bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb","version":"1.0"},"auth":"nope"}""",
            """{"name":"x","connectionSpec":{"id":"bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb","version":"1.0"},"auth":{"params":{"dataType":"parquet"}}}""",
            """{"name":"x\u0000y","connectionSpec":{"id":"bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb","version":"1.0"}}""",
            """{"name":"x","connectionSpec":{"id":"bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb","version":"1.0"},"auth":{"params":{"authenticationRequired":"yes"}}}""",
            "[1,2]",
            "{not json",
        ];

        foreach (var bad in bodies)
        {
            // Act
            using var response = await _api.CreateConnection(TestClients.OrgA, sandbox, bad);

            // Assert: a Flow Service 400 naming the problem
            var raw = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)response.StatusCode} {raw}");
            var error = JsonNode.Parse(raw)!;
            Assert.NotNull(error["title"]);
            Assert.Equal(400, error["status"]!.GetValue<int>());
        }

        using var unknown = await _api.Client.GetAsync($"{StreamingApi.Connections}/{Guid.NewGuid()}", TestClients.OrgA, sandbox);
        using var garbage = await _api.Client.GetAsync($"{StreamingApi.Connections}/not-a-uuid%27%3B--", TestClients.OrgA, sandbox);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("FLOW-1101-404", (await StreamingApi.Body(unknown))["type"]!.GetValue<string>().Split('/')[^1]);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        using var inlets = await _api.Client.GetAsync(StreamingApi.Inlets, TestClients.OrgA, sandbox);
        Assert.Equal(0, (await StreamingApi.Body(inlets))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Connection_OtherOrgOrSandbox_SeesNothing()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(TestClients.OrgA);
        var other = await _api.Ingestion.NewSandbox(TestClients.OrgA);
        var (id, inletId) = await _api.NewConnection(TestClients.OrgA, sandbox);

        // Act
        using var otherOrg = await _api.Client.GetAsync($"{StreamingApi.Connections}/{id}", TestClients.OrgB, "prod");
        using var otherSandbox = await _api.Client.GetAsync($"{StreamingApi.Connections}/{id}", TestClients.OrgA, other);
        using var inletOtherOrg = await _api.Client.GetAsync($"{StreamingApi.Inlets}/{inletId}", TestClients.OrgB, "prod");
        using var listOtherSandbox = await _api.Client.GetAsync(StreamingApi.Inlets, TestClients.OrgA, other);
        using var deleteOtherOrg = await _api.Client.SendAsync(HttpMethod.Delete, $"{StreamingApi.Inlets}/{inletId}", TestClients.OrgB, "prod");
        using var stillThere = await _api.Client.GetAsync($"{StreamingApi.Inlets}/{inletId}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, otherOrg.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inletOtherOrg.StatusCode);
        Assert.Equal(0, (await StreamingApi.Body(listOtherSandbox))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, deleteOtherOrg.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task InletApi_CreateListGetDelete_RoundTrip()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(TestClients.OrgA);
        var body = """{"name":"My Data Inlet","description":"Collects streaming data from my website","sourceId":"website","dataType":"xdm"}""";

        // Act
        using var created = await _api.Ingestion.CatalogApi.Send(HttpMethod.Post, StreamingApi.Inlets, TestClients.OrgA, sandbox, body);
        var inlet = await StreamingApi.Body(created);
        var inletId = inlet["inletId"]!.GetValue<string>();
        using var list = await _api.Client.GetAsync(StreamingApi.Inlets, TestClients.OrgA, sandbox);
        using var one = await _api.Client.GetAsync($"{StreamingApi.Inlets}/{inletId}", TestClients.OrgA, sandbox);
        using var deleted = await _api.Client.SendAsync(HttpMethod.Delete, $"{StreamingApi.Inlets}/{inletId}", TestClients.OrgA, sandbox);
        using var gone = await _api.Client.GetAsync($"{StreamingApi.Inlets}/{inletId}", TestClients.OrgA, sandbox);
        using var collect = await _api.Collect($"/collection/{inletId}", "{}");

        // Assert
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^[0-9a-f]{64}$", inletId);
        Assert.Equal(TestClients.OrgA.ImsOrg, inlet["imsOrg"]!.GetValue<string>());
        Assert.Equal("website", inlet["sourceId"]!.GetValue<string>());
        Assert.False(inlet["authenticationRequired"]!.GetValue<bool>());
        Assert.Equal(TestClients.OrgA.ClientId, inlet["createdBy"]!.GetValue<string>());
        Assert.EndsWith($"/collection/{inletId}", inlet["inletUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = await StreamingApi.Body(list);
        Assert.Equal(1, listed["total"]!.GetValue<int>());
        Assert.Equal(inletId, listed["items"]![0]!["inletId"]!.GetValue<string>());
        Assert.Equal("My Data Inlet", (await StreamingApi.Body(one))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, collect.StatusCode);
    }

    [Fact]
    public async Task InletApi_BadInput_GenericErrors()
    {
        // Arrange
        var sandbox = await _api.Ingestion.NewSandbox(TestClients.OrgA);

        // Act
        using var noName = await _api.Ingestion.CatalogApi.Send(HttpMethod.Post, StreamingApi.Inlets, TestClients.OrgA, sandbox, """{"sourceId":"x"}""");
        using var badType = await _api.Ingestion.CatalogApi.Send(HttpMethod.Post, StreamingApi.Inlets, TestClients.OrgA, sandbox, """{"name":"x","dataType":"csv"}""");
        using var longName = await _api.Ingestion.CatalogApi.Send(HttpMethod.Post, StreamingApi.Inlets, TestClients.OrgA, sandbox, $$"""{"name":"{{new string('x', 5000)}}"}""");
        using var notObject = await _api.Ingestion.CatalogApi.Send(HttpMethod.Post, StreamingApi.Inlets, TestClients.OrgA, sandbox, "\"x\"");
        using var unknown = await _api.Client.GetAsync($"{StreamingApi.Inlets}/{new string('a', 64)}", TestClients.OrgA, sandbox);
        using var hostile = await _api.Client.GetAsync($"{StreamingApi.Inlets}/..%2F..%2Fetc", TestClients.OrgA, sandbox);

        // Assert
        await StreamingApiAsserts.Generic(noName, HttpStatusCode.BadRequest, "name");
        await StreamingApiAsserts.Generic(badType, HttpStatusCode.BadRequest, "dataType");
        await StreamingApiAsserts.Generic(longName, HttpStatusCode.BadRequest, "name");
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        await StreamingApiAsserts.Generic(unknown, HttpStatusCode.NotFound, "inlet");
        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
        using var list = await _api.Client.GetAsync(StreamingApi.Inlets, TestClients.OrgA, sandbox);
        Assert.Equal(0, (await StreamingApi.Body(list))["total"]!.GetValue<int>());
    }
}

internal static class StreamingApiAsserts
{
    public static Task Generic(HttpResponseMessage response, HttpStatusCode status, string mentions) =>
        Catalog.CatalogApi.AssertError(response, status, mentions);
}

public sealed class StreamingInletsApiPostgres(PostgresPlatform fixture) : StreamingInletsApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class StreamingInletsApiSqlite(SqlitePlatform fixture) : StreamingInletsApiTests(fixture), IClassFixture<SqlitePlatform>;
