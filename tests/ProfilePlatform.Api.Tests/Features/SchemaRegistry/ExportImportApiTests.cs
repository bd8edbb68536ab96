using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.SchemaRegistry.XdmApi;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary><c>/rpc/export</c> and <c>/rpc/import</c> (help/xdm/api/export.md, import.md): a schema with its tenant
/// dependencies moved to another organization, all or nothing.</summary>
public abstract class ExportImportApiTests(PlatformFixture fixture)
{
    private const string Placeholder = "<XDM_TENANTID_PLACEHOLDER>";
    private readonly XdmApi _api = new(AepClient.For(fixture.Factory));

    [Fact]
    public async Task Export_ListsDependenciesFirstWithTheTenantIdReplaced()
    {
        // Arrange
        var (sandbox, dataType, fieldGroup, schema) = await RestaurantAsync(TestClients.OrgA);

        // Act
        using var response = await _api.GetAsync(TestClients.OrgA, sandbox, $"rpc/export/{Uri.EscapeDataString(schema)}", "application/vnd.adobe.xdm-link+json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(
            new[] { dataType, fieldGroup, schema }.Select(Placeheld),
            items.Select(i => i!["$id"]!.GetValue<string>()));
        Assert.DoesNotContain("acme", text, StringComparison.Ordinal);
        Assert.NotNull(items[1]!["definitions"]!["fields"]!["properties"]![$"_{Placeholder}"]);
        Assert.Null(items[2]!["imsOrg"]);
    }

    [Fact]
    public async Task Import_IntoAnotherOrg_CreatesEveryResourceUnderItsTenantId()
    {
        // Arrange
        var (sandbox, _, _, schema) = await RestaurantAsync(TestClients.OrgA);
        using var export = await _api.GetAsync(TestClients.OrgA, sandbox, $"rpc/export/{Uri.EscapeDataString(schema)}", null);
        var payload = await export.Content.ReadAsStringAsync();
        var target = await _api.NewSandboxAsync(TestClients.OrgB);

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/rpc/import", TestClients.OrgB, target, payload);

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        await OpenApiContract.AssertMatchesAsync(response);
        var imported = JsonNode.Parse(text)!.AsArray();
        Assert.Equal(3, imported.Count);
        Assert.All(imported, i => Assert.StartsWith("https://ns.adobe.com/globex/", i!["$id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(imported, i => Assert.Equal(TestClients.OrgB.ImsOrg, i!["imsOrg"]!.GetValue<string>()));
        var importedSchema = schema.Replace("/acme/", "/globex/", StringComparison.Ordinal);
        var full = await _api.LookupAsync(TestClients.OrgB, target, "schemas", importedSchema, Full);
        Assert.Equal("string", full["properties"]!["_globex"]!["properties"]!["property"]!["properties"]!["propertyId"]!["type"]!.GetValue<string>());
        Assert.Equal("Restaurant schema", full["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_Twice_Returns400Xdm3005AndCreatesNothingMore()
    {
        // Arrange
        var (sandbox, _, _, schema) = await RestaurantAsync(TestClients.OrgA);
        using var export = await _api.GetAsync(TestClients.OrgA, sandbox, $"rpc/export/{Uri.EscapeDataString(schema)}", null);
        var payload = await export.Content.ReadAsStringAsync();
        var target = await _api.NewSandboxAsync(TestClients.OrgB);
        using (var first = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/rpc/import", TestClients.OrgB, target, payload))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Act
        using var again = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/rpc/import", TestClients.OrgB, target, payload);

        // Assert
        await AssertXdmErrorAsync(again, HttpStatusCode.BadRequest, "XDM-3005-400", "already exists");
        await OpenApiContract.AssertMatchesAsync(again);
        Assert.Equal(3, await CountAsync(TestClients.OrgB, target));
    }

    [Fact]
    public async Task Import_WithABadLastItem_CreatesNoneOfThem()
    {
        // Arrange
        var (sandbox, _, _, schema) = await RestaurantAsync(TestClients.OrgA);
        using var export = await _api.GetAsync(TestClients.OrgA, sandbox, $"rpc/export/{Uri.EscapeDataString(schema)}", null);
        var payload = (await AepClient.JsonAsync(export)).AsArray();
        payload[2]!["allOf"]!.AsArray().Add(Ref($"https://ns.adobe.com/{Placeholder}/mixins/000000000000000000000000000000000000000000000000"));
        var target = await _api.NewSandboxAsync(TestClients.OrgB);

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/rpc/import", TestClients.OrgB, target, payload.ToJsonString());

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-3005-400", "Item [2]");
        Assert.Equal(0, await CountAsync(TestClients.OrgB, target));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"$id\":\"x\"}")]
    [InlineData("[]")]
    [InlineData("[42]")]
    [InlineData("[{\"$id\":\"https://ns.adobe.com/<XDM_TENANTID_PLACEHOLDER>/mixins/abcdefabcdefabcdef\",\"meta:resourceType\":\"behaviors\",\"title\":\"B\"}]")]
    [InlineData("[{\"$id\":\"https://evil.example/mixins/abcdefabcdefabcdef\",\"meta:resourceType\":\"mixins\",\"title\":\"E\"}]")]
    [InlineData("[{\"$id\":\"https://ns.adobe.com/<XDM_TENANTID_PLACEHOLDER>/datatypes/abcdefabcdefabcdef\",\"meta:resourceType\":\"datatypes\",\"title\":\"<script>alert(1)</script>\",\"type\":\"object\",\"definitions\":{\"d\":{\"properties\":{\"x\":{\"type\":\"nope\"}}}},\"allOf\":[{\"$ref\":\"#/definitions/d\"}]}]")]
    public async Task Import_MalformedPayload_Returns400Xdm3005(string body)
    {
        // Arrange
        var target = await _api.NewSandboxAsync(TestClients.OrgB);

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/rpc/import", TestClients.OrgB, target, body);

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-3005-400", "Failed to import resources");
        Assert.Equal(0, await CountAsync(TestClients.OrgB, target));
    }

    [Fact]
    public async Task Export_UnknownOrAnotherOrgsResource_Returns404()
    {
        // Arrange
        var (_, _, _, schema) = await RestaurantAsync(TestClients.OrgA);

        // Act
        using var otherOrg = await _api.GetAsync(TestClients.OrgB, "prod", $"rpc/export/{Uri.EscapeDataString(schema)}", null);
        using var unknown = await _api.GetAsync(TestClients.OrgA, "prod", "rpc/export/_acme.schemas.nothing", null);

        // Assert
        await AssertXdmErrorAsync(otherOrg, HttpStatusCode.NotFound, "XDM-1012-404", schema);
        await AssertXdmErrorAsync(unknown, HttpStatusCode.NotFound, "XDM-1012-404", "_acme.schemas.nothing");
    }

    private async Task<(string Sandbox, string DataType, string FieldGroup, string Schema)> RestaurantAsync(TestClient who)
    {
        var sandbox = await _api.NewSandboxAsync(who);
        var dataType = await _api.CreateAsync(who, sandbox, "datatypes", new JsonObject
        {
            ["title"] = "Property",
            ["type"] = "object",
            ["definitions"] = new JsonObject { ["customFields"] = new JsonObject { ["properties"] = new JsonObject { ["propertyId"] = Field("string", "Property ID") } } },
            ["allOf"] = new JsonArray(Ref("#/definitions/customFields")),
        });
        var fieldGroup = await _api.CreateAsync(who, sandbox, "fieldgroups", FieldGroup("Restaurant", "acme", new JsonObject
        {
            ["capacity"] = Field("integer"),
            ["property"] = new JsonObject { ["$ref"] = dataType, ["title"] = "Property" },
        }));
        var schema = await _api.CreateAsync(who, sandbox, "schemas", Schema("Restaurant schema", Profile, fieldGroup));
        return (sandbox, dataType, fieldGroup, schema);
    }

    private async Task<int> CountAsync(TestClient who, string sandbox)
    {
        using var stats = await _api.GetAsync(who, sandbox, "stats", null);
        var counts = (await AepClient.JsonAsync(stats))["counts"]!;
        return new[] { "schemas", "mixins", "datatypes", "classes" }.Sum(k => counts[k]!.GetValue<int>());
    }

    private static string Placeheld(string id) => id.Replace("/acme/", $"/{Placeholder}/", StringComparison.Ordinal);
}

public sealed class ExportImportApiTestsPostgres(PostgresPlatform fixture) : ExportImportApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class ExportImportApiTestsSqlite(SqlitePlatform fixture) : ExportImportApiTests(fixture), IClassFixture<SqlitePlatform>;
