using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.SchemaRegistry.XdmApi;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>PUT and PATCH of tenant resources (help/xdm/api/schemas.md §put/§patch, field-groups.md §patch): versions,
/// registry fields, malformed patches, concurrency, isolation, and the audit log of the changes.</summary>
public abstract class SchemaRevisionApiTests(PlatformFixture fixture)
{
    private readonly XdmApi _api = new(AepClient.For(fixture.Factory));

    [Fact]
    public async Task PatchFieldGroup_AddField_BumpsMinorVersionAndTheFieldComposes()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Loyalty FG", "acme", new JsonObject { ["loyaltyId"] = Field("string") }));
        var created = await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg);

        // Act
        using var response = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(
            Op("add", "/definitions/fields/properties/_acme/properties/tier", Field("string", "Tier"))));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("1.1", body["version"]!.GetValue<string>());
        Assert.Equal(fg, body["$id"]!.GetValue<string>());
        Assert.Equal(
            created["meta:registryMetadata"]!["repo:createdDate"]!.GetValue<long>(),
            body["meta:registryMetadata"]!["repo:createdDate"]!.GetValue<long>());
        Assert.NotEqual(created["meta:registryMetadata"]!["eTag"]!.GetValue<string>(), body["meta:registryMetadata"]!["eTag"]!.GetValue<string>());
        var full = await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Full);
        Assert.Equal("string", full["properties"]!["_acme"]!["properties"]!["tier"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchSchema_AddFieldGroupAsTheDocsDo_ExtendsTheSchemaThroughTheSingularPath()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Extra FG", "acme", new JsonObject { ["extra"] = Field("string") }));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Patched schema", Profile));

        // Act: help/xdm/api/schemas.md's API format spells the path /tenant/schema/{id}
        using var response = await _api.Client.SendAsync(HttpMethod.Patch, $"{XdmApi.Base}/tenant/schema/{Uri.EscapeDataString(schema)}", TestClients.OrgA, sandbox, Ops(
            Op("add", "/meta:extends/-", fg),
            Op("add", "/allOf/-", Ref(fg))).ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Contains(body["meta:extends"]!.AsArray(), e => e!.GetValue<string>() == fg);
        Assert.Equal(Profile, body["meta:class"]!.GetValue<string>());
        var full = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", schema, Full);
        Assert.NotNull(full["properties"]!["_acme"]!["properties"]!["extra"]);
    }

    [Fact]
    public async Task Put_ReplacesTitleAndParts_KeepsIdAndFreesTheOldTitle()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Old title", Profile));

        // Act
        using var response = await _api.PutAsync(TestClients.OrgA, sandbox, "schemas", schema, Schema("New title", Profile, IdentityMap));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(schema, body["$id"]!.GetValue<string>());
        Assert.Equal("New title", body["title"]!.GetValue<string>());
        Assert.Equal("1.1", body["version"]!.GetValue<string>());
        Assert.Contains(body["meta:extends"]!.AsArray(), e => e!.GetValue<string>() == IdentityMap);
        await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Old title", Profile));
    }

    [Fact]
    public async Task Put_TitleOfAnotherResource_Returns400Xdm1521AndChangesNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var taken = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Taken title", Profile));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Mine", Profile));

        // Act
        using var response = await _api.PutAsync(TestClients.OrgA, sandbox, "schemas", schema, Schema("Taken title", Profile));

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-1521-400", taken);
        var stored = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", schema);
        Assert.Equal(("Mine", "1.0"), (stored["title"]!.GetValue<string>(), stored["version"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("\"not a patch\"", "JSON Patch array")]
    [InlineData("[]", "empty")]
    [InlineData("[{\"op\":\"frobnicate\",\"path\":\"/title\"}]", "frobnicate")]
    [InlineData("[{\"op\":\"add\",\"value\":1}]", "'path'")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/title\"}]", "needs a 'value'")]
    [InlineData("[{\"op\":\"remove\",\"path\":\"/definitions/nothing/here\"}]", "cannot be applied")]
    [InlineData("[{\"op\":\"test\",\"path\":\"/title\",\"value\":\"other\"}]", "cannot be applied")]
    [InlineData("[{\"op\":\"add\",\"path\":\"/allOf/99\",\"value\":{}}]", "cannot be applied")]
    [InlineData("[{\"op\":\"add\",\"path\":\"/definitions/fields/properties/nottenant\",\"value\":{\"type\":\"string\"}}]", "nottenant")]
    [InlineData("[{\"op\":\"replace\",\"path\":\"/title\",\"value\":\"\"}]", "'title'")]
    [InlineData("[{\"op\":\"add\",\"path\":\"/definitions/fields/properties/_acme/properties/x\",\"value\":{\"type\":\"strung\"}}]", "strung")]
    public async Task PatchFieldGroup_MalformedOrInvalid_Returns400NamingTheProblemAndChangesNothing(string patch, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Guarded FG", "acme", new JsonObject { ["a"] = Field("string") }));

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Patch, $"{XdmApi.Base}/tenant/fieldgroups/{Uri.EscapeDataString(fg)}", TestClients.OrgA, sandbox, patch);

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith("http://ns.adobe.com/aep/errors/XDM-", JsonNode.Parse(text)!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mentions, JsonNode.Parse(text)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg);
        Assert.Equal(("Guarded FG", "1.0"), (stored["title"]!.GetValue<string>(), stored["version"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_RegistryOwnedFields_AreKept()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Owned fields", Profile));

        // Act
        using var response = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Ops(
            Op("replace", "/$id", "https://ns.adobe.com/acme/schemas/hijacked"),
            Op("replace", "/imsOrg", TestClients.OrgB.ImsOrg),
            Op("replace", "/version", "9.9"),
            Op("add", "/description", "Now described")));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal((schema, TestClients.OrgA.ImsOrg, "1.1", "Now described"), (body["$id"]!.GetValue<string>(), body["imsOrg"]!.GetValue<string>(), body["version"]!.GetValue<string>(), body["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_UnknownIdOrOtherTenant_Returns404AndGlobalIsReadOnly()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Private FG", "acme", new JsonObject { ["a"] = Field("string") }));
        var retitle = Ops(Op("replace", "/title", "Stolen"));

        // Act
        using var unknown = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", "_acme.mixins.000000", retitle);
        using var otherOrg = await _api.PatchAsync(TestClients.OrgB, "prod", "fieldgroups", fg, retitle);
        using var otherSandbox = await _api.PatchAsync(TestClients.OrgA, "prod", "fieldgroups", fg, retitle);
        using var wrongType = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", fg, retitle);
        using var global = await _api.Client.SendAsync(HttpMethod.Patch, $"{XdmApi.Base}/global/classes/{Uri.EscapeDataString(Profile)}", TestClients.OrgA, sandbox, retitle.ToJsonString());

        // Assert
        await AssertXdmErrorAsync(unknown, HttpStatusCode.NotFound, "XDM-1012-404", "_acme.mixins.000000");
        await AssertXdmErrorAsync(otherOrg, HttpStatusCode.NotFound, "XDM-1012-404", fg);
        await AssertXdmErrorAsync(otherSandbox, HttpStatusCode.NotFound, "XDM-1012-404", fg);
        await AssertXdmErrorAsync(wrongType, HttpStatusCode.NotFound, "XDM-1012-404", fg);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, global.StatusCode);
        Assert.Equal("Private FG", (await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConcurrentPatches_OfOneFieldGroup_LoseNoUpdate()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Contended FG", "acme", new JsonObject { ["a"] = Field("string") }));

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("add", $"/definitions/fields/properties/_acme/properties/f{i}", Field("string"))))));

        // Assert: every 200 is in the final document and counted in its version; a refusal is a clean 400, never a 5xx
        var accepted = new List<int>();
        for (var i = 0; i < responses.Length; i++)
        {
            using var r = responses[i];
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
            if (r.StatusCode == HttpStatusCode.OK)
            {
                accepted.Add(i);
            }
        }

        var stored = await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg);
        var fields = stored["definitions"]!["fields"]!["properties"]!["_acme"]!["properties"]!.AsObject();
        Assert.NotEmpty(accepted);
        Assert.All(accepted, i => Assert.True(fields.ContainsKey($"f{i}"), $"f{i} lost"));
        Assert.Equal($"1.{accepted.Count}", stored["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuditLog_ListsChangesNewestFirst_WithoutAcceptHeader()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Audited FG", "acme", new JsonObject { ["a"] = Field("string") }));
        using (var patched = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("add", "/definitions/fields/properties/_acme/properties/brand", Field("string", "Brand")))))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        // Act
        using var response = await _api.GetAsync(TestClients.OrgA, sandbox, $"rpc/auditlog/{XdmIdAlt(fg)}", accept: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var log = (await AepClient.JsonAsync(response)).AsArray();
        Assert.Equal(2, log.Count);
        var newest = log[0]!;
        Assert.Equal(fg, newest["id"]!.GetValue<string>());
        Assert.Equal(sandbox, newest["sandBoxId"]!.GetValue<string>());
        var trail = newest["auditTrails"]!.AsArray().Single()!;
        Assert.Equal(("add", "/definitions/fields/properties/_acme/properties/brand", "mixins"), (trail["action"]!.GetValue<string>(), trail["path"]!.GetValue<string>(), trail["xdmType"]!.GetValue<string>()));
        Assert.Equal("Brand", trail["value"]!["title"]!.GetValue<string>());
        Assert.Contains(log[1]!["auditTrails"]!.AsArray(), t => t!["path"]!.GetValue<string>() == "/title");
    }

    [Fact]
    public async Task AuditLog_UnknownOrOtherOrgsResource_Returns404()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Secret FG", "acme", new JsonObject { ["a"] = Field("string") }));

        // Act
        using var otherOrg = await _api.GetAsync(TestClients.OrgB, "prod", $"rpc/auditlog/{Uri.EscapeDataString(fg)}", accept: null);
        using var unknown = await _api.GetAsync(TestClients.OrgA, sandbox, "rpc/auditlog/_acme.mixins.nothing", accept: null);

        // Assert
        await AssertXdmErrorAsync(otherOrg, HttpStatusCode.NotFound, "XDM-1012-404", fg);
        await AssertXdmErrorAsync(unknown, HttpStatusCode.NotFound, "XDM-1012-404", "_acme.mixins.nothing");
    }

    [Fact]
    public async Task Delete_FieldGroupUsedByASchema_Returns400NamingTheSchemaUntilTheSchemaIsGone()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Used FG", "acme", new JsonObject { ["a"] = Field("string") }));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("User of FG", Profile, fg));

        // Act
        using var refused = await _api.Client.SendAsync(HttpMethod.Delete, $"{XdmApi.Base}/tenant/fieldgroups/{Uri.EscapeDataString(fg)}", TestClients.OrgA, sandbox);
        using var schemaGone = await _api.Client.SendAsync(HttpMethod.Delete, $"{XdmApi.Base}/tenant/schemas/{Uri.EscapeDataString(schema)}", TestClients.OrgA, sandbox);
        using var allowed = await _api.Client.SendAsync(HttpMethod.Delete, $"{XdmApi.Base}/tenant/fieldgroups/{Uri.EscapeDataString(fg)}", TestClients.OrgA, sandbox);

        // Assert
        await AssertXdmErrorAsync(refused, HttpStatusCode.BadRequest, "XDM-1000-400", schema);
        Assert.Equal(HttpStatusCode.NoContent, schemaGone.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
    }

    [Fact]
    public async Task SchemaUsedByADataset_RefusesBreakingChangesOfItsFieldGroups()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Dataset FG", "acme", new JsonObject { ["a"] = Field("string"), ["b"] = Field("string") }));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Dataset schema", Profile, fg));
        using (var dataset = await _api.Client.SendAsync(HttpMethod.Post, "/data/foundation/catalog/dataSets", TestClients.OrgA, sandbox, new JsonObject
        {
            ["name"] = "Locked by data",
            ["schemaRef"] = new JsonObject { ["id"] = schema, ["contentType"] = "application/vnd.adobe.xed-full+json;version=1" },
        }.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.Created, dataset.StatusCode);
        }

        // Act
        using var breaking = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("remove", "/definitions/fields/properties/_acme/properties/b")));
        using var additive = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("add", "/definitions/fields/properties/_acme/properties/c", Field("string"))));

        // Assert
        await AssertXdmErrorAsync(breaking, HttpStatusCode.BadRequest, "XDM-1000-400", "is used by dataset");
        Assert.Equal(HttpStatusCode.OK, additive.StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateJsonProperty_Returns400NotA500()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/tenant/schemas", TestClients.OrgA, sandbox,
            """{"title":"One","title":"Two","type":"object","allOf":[{"$ref":"https://ns.adobe.com/xdm/context/profile"}]}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("title", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Robert'); DROP TABLE xdm_resources;--")]
    [InlineData("Zoë 🚀 %00 ${jndi:ldap://x}")]
    public async Task Create_HostileButValidTitle_IsStoredVerbatimAndHarmless(string title)
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);

        // Act
        var id = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema(title, Profile));

        // Assert
        Assert.Equal(title, (await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", id))["title"]!.GetValue<string>());
        using var list = await _api.GetAsync(TestClients.OrgA, sandbox, "tenant/schemas", IdList);
        Assert.Single((await AepClient.JsonAsync(list))["results"]!.AsArray());
    }

    [Theory]
    [InlineData("title", "long")]
    [InlineData("ref", "file:///etc/passwd")]
    [InlineData("fieldname", "../../etc")]
    [InlineData("nulbyte", "a\u0000b")]
    [InlineData("deep", "")]
    public async Task Create_HostileInvalidBody_Returns400AndStoresNothing(string kind, string value)
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        string body;
        string resources = "fieldgroups";
        switch (kind)
        {
            case "title":
                body = Schema(new string('t', 300), Profile).ToJsonString();
                resources = "schemas";
                break;
            case "ref":
                body = Schema("Evil ref", Profile, value).ToJsonString();
                resources = "schemas";
                break;
            case "fieldname":
            case "nulbyte":
                body = FieldGroup("Evil field " + kind, "acme", new JsonObject { [System.Text.RegularExpressions.Regex.Unescape(value)] = Field("string") }).ToJsonString();
                break;
            default:
                var nested = string.Concat(Enumerable.Repeat("{\"type\":\"object\",\"properties\":{\"n\":", 300)) + "{\"type\":\"string\"}" + new string('}', 600);
                body = "{\"title\":\"Deep\",\"type\":\"object\",\"meta:intendedToExtend\":[\"" + Profile + "\"],\"definitions\":{\"d\":{\"properties\":{\"_acme\":" + nested + "}}},\"allOf\":[{\"$ref\":\"#/definitions/d\"}]}";
                break;
        }

        // Act
        using var response = await _api.Client.SendAsync(HttpMethod.Post, $"{XdmApi.Base}/tenant/{resources}", TestClients.OrgA, sandbox, body);

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {(int)response.StatusCode} {text}");
        using var stats = await _api.GetAsync(TestClients.OrgA, sandbox, "stats", null);
        var counts = (await AepClient.JsonAsync(stats))["counts"]!;
        Assert.Equal(0, counts["schemas"]!.GetValue<int>() + counts["mixins"]!.GetValue<int>());
    }

    private static string XdmIdAlt(string id) => "_" + id["https://ns.adobe.com/".Length..].Replace('/', '.');
}

public sealed class SchemaRevisionApiTestsPostgres(PostgresPlatform fixture) : SchemaRevisionApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class SchemaRevisionApiTestsSqlite(SqlitePlatform fixture) : SchemaRevisionApiTests(fixture), IClassFixture<SqlitePlatform>;
