using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary><c>GET /rpc/sampledata/{SCHEMA_ID}</c> (help/xdm/api/sample-data.md, schema-registry.yaml
/// <c>retrieveSampleData</c>): a generated record shaped like the schema, without an Accept header.</summary>
public abstract class SampleDataApiTests(PlatformFixture fixture)
{
    private const string Base = "/data/foundation/schemaregistry";
    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task Get_ByAltIdWithoutAccept_ReturnsARecordShapedLikeTheSchema()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var schema = await CreateLoyaltySchema(TestClients.OrgA, sandbox);

        // Act
        using var response = await _client.GetAsync($"{Base}/rpc/sampledata/{schema["meta:altId"]!.GetValue<string>()}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var sample = await AepClient.JsonAsync(response);
        Assert.Equal("string", sample["_acme"]!["loyaltyId"]!.GetValue<string>());
        Assert.Equal("gold", sample["_acme"]!["tier"]!.GetValue<string>());
        Assert.Equal("2018-11-12T20:20:39+00:00", sample["_acme"]!["memberSince"]!.GetValue<string>());
        Assert.Equal("string", sample["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("ambiguous", sample["identityMap"]!["key"]![0]!["authenticatedState"]!.GetValue<string>());
        Assert.Equal("/uri-reference", sample["_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_ByEncodedId_PassesTheSchemasOwnValidation()
    {
        // Arrange: the composed schema as a client reads it, compiled into the record validator
        var sandbox = await NewSandbox(TestClients.OrgA);
        var schemaId = (await CreateLoyaltySchema(TestClients.OrgA, sandbox))["$id"]!.GetValue<string>();
        using var lookup = await _client.RequestAsync(HttpMethod.Get, $"{Base}/tenant/schemas/{Uri.EscapeDataString(schemaId)}", TestClients.OrgA, sandbox);
        lookup.Headers.TryAddWithoutValidation("Accept", "application/vnd.adobe.xed-full+json; version=1");
        using var composed = await _client.Http.SendAsync(lookup);
        var validator = XdmRecordValidator.Compile((await AepClient.JsonAsync(composed)).AsObject());

        // Act
        using var response = await _client.GetAsync($"{Base}/rpc/sampledata/{Uri.EscapeDataString(schemaId)}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var violations = validator.Validate(Encoding.UTF8.GetBytes(await response.Content.ReadAsStringAsync()));
        Assert.True(violations.Count == 0, string.Join("\n", violations.Select(v => v.Message)));
    }

    [Fact]
    public async Task Get_AnyAcceptHeader_IsIgnored()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var altId = (await CreateLoyaltySchema(TestClients.OrgA, sandbox))["meta:altId"]!.GetValue<string>();
        using var request = await _client.RequestAsync(HttpMethod.Get, $"{Base}/rpc/sampledata/{altId}", TestClients.OrgA, sandbox);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.adobe.xed+json");

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await AepClient.JsonAsync(response))["_acme"]);
    }

    [Theory]
    [InlineData("_acme.schemas.0000000000000000")]
    [InlineData("https%3A%2F%2Fns.adobe.com%2Facme%2Fschemas%2Fnothing")]
    [InlineData("_xdm.context.profile")]
    [InlineData("..%2F..%2Fstats")]
    [InlineData("%C3%A9t%C3%A9%20%25zz")]
    public async Task Get_UnknownOrNotASchema_Returns404Xdm(string id)
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _client.GetAsync($"{Base}/rpc/sampledata/{id}", TestClients.OrgA, sandbox);

        // Assert
        await AssertNotFound(response);
    }

    [Fact]
    public async Task Get_FieldGroupId_Returns404()
    {
        // Arrange: a field group exists under that id, but it is no schema
        var sandbox = await NewSandbox(TestClients.OrgA);
        var fieldGroupId = await CreateLoyaltyFieldGroup(TestClients.OrgA, sandbox);

        // Act
        using var response = await _client.GetAsync($"{Base}/rpc/sampledata/{Uri.EscapeDataString(fieldGroupId)}", TestClients.OrgA, sandbox);

        // Assert
        await AssertNotFound(response);
    }

    [Fact]
    public async Task Get_HugeId_Returns404WithoutEchoingAnError500()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _client.GetAsync($"{Base}/rpc/sampledata/{new string('a', 4000)}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_SchemaOfAnotherOrgOrSandbox_IsNotFound()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var otherSandbox = await NewSandbox(TestClients.OrgA);
        var altId = (await CreateLoyaltySchema(TestClients.OrgA, sandbox))["meta:altId"]!.GetValue<string>();

        // Act
        using var mine = await _client.GetAsync($"{Base}/rpc/sampledata/{altId}", TestClients.OrgA, sandbox);
        using var otherOrg = await _client.GetAsync($"{Base}/rpc/sampledata/{altId}", TestClients.OrgB, "prod");
        using var otherOfMine = await _client.GetAsync($"{Base}/rpc/sampledata/{altId}", TestClients.OrgA, otherSandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        await AssertNotFound(otherOrg);
        await AssertNotFound(otherOfMine);
    }

    private async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("sd");
        using var response = await _client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    private async Task<string> CreateLoyaltyFieldGroup(TestClient client, string sandbox)
    {
        var fieldGroup = new JsonObject
        {
            ["title"] = "Sample Loyalty " + Guid.NewGuid().ToString("N")[..8],
            ["type"] = "object",
            ["meta:intendedToExtend"] = new JsonArray("https://ns.adobe.com/xdm/context/profile"),
            ["definitions"] = new JsonObject
            {
                ["loyalty"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["_acme"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                ["loyaltyId"] = new JsonObject { ["type"] = "string" },
                                ["points"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = 1000000 },
                                ["tier"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("gold", "silver") },
                                ["code"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Z]{2}[0-9]{6}$" },
                                ["memberSince"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                            },
                        },
                    },
                },
            },
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/loyalty" }),
        };
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/fieldgroups", client, sandbox, fieldGroup.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AepClient.JsonAsync(response))["$id"]!.GetValue<string>();
    }

    private async Task<JsonNode> CreateLoyaltySchema(TestClient client, string sandbox)
    {
        var fieldGroupId = await CreateLoyaltyFieldGroup(client, sandbox);
        var schema = new JsonObject
        {
            ["title"] = "Sample Loyalty Members " + Guid.NewGuid().ToString("N")[..8],
            ["type"] = "object",
            ["allOf"] = new JsonArray(
                new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile" },
                new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile-person-details" },
                new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/identitymap" },
                new JsonObject { ["$ref"] = fieldGroupId }),
        };
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/schemas", client, sandbox, schema.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await AepClient.JsonAsync(response);
    }

    private static async Task AssertNotFound(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected 404, got {(int)response.StatusCode}: {raw}");
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("http://ns.adobe.com/aep/errors/XDM-1012-404", body["type"]!.GetValue<string>());
        Assert.Contains("is not found", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class SampleDataApiTestsPostgres(PostgresPlatform fixture) : SampleDataApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class SampleDataApiTestsSqlite(SqlitePlatform fixture) : SampleDataApiTests(fixture), IClassFixture<SqlitePlatform>;
