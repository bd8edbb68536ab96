using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>Schema Registry through HTTP (help/xdm/api/*.md, schema-registry.yaml): containers, Accept variants, creation
/// rules, errors, and isolation between organizations and sandboxes.</summary>
public abstract class SchemaRegistryApiTests(PlatformFixture fixture)
{
    private const string Base = "/data/foundation/schemaregistry";
    private const string Profile = "https://ns.adobe.com/xdm/context/profile";
    private const string IdOnly = "application/vnd.adobe.xed-id+json";
    private const string Raw = "application/vnd.adobe.xed+json";
    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task Stats_ReturnsTenantIdAndCountsOfThisSandbox()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        using (await CreateFieldGroup(TestClients.OrgA, sandbox, "Stats FG"))
        {
        }

        // Act
        using var response = await _client.GetAsync($"{Base}/stats", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("acme", body["tenantId"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, body["imsOrg"]!.GetValue<string>());
        Assert.Equal(1, body["counts"]!["mixins"]!.GetValue<int>());
        Assert.Equal(0, body["counts"]!["schemas"]!.GetValue<int>());
        Assert.Equal("Stats FG", body["recentlyCreatedResources"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stats_AfterSchemaCreation_ReportsClassUsage()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        using (await Post(TestClients.OrgA, sandbox, "schemas", new JsonObject
        {
            ["title"] = "Usage schema",
            ["type"] = "object",
            ["allOf"] = new JsonArray(Ref(Profile), Ref("https://ns.adobe.com/xdm/context/identitymap")),
        }))
        {
        }

        // Act
        using var response = await _client.GetAsync($"{Base}/stats", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        var usage = (await AepClient.JsonAsync(response))["classUsage"]!.AsArray().Single()!;
        Assert.Equal(Profile, usage["$id"]!.GetValue<string>());
        Assert.Equal("XDM Individual Profile", usage["title"]!.GetValue<string>());
        Assert.Equal(1, usage["numberOfSchemas"]!.GetValue<int>());
        Assert.Equal("Usage schema", usage["schemas"]![0]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("classes", "https://ns.adobe.com/xdm/context/profile")]
    [InlineData("classes", "https://ns.adobe.com/xdm/context/experienceevent")]
    [InlineData("behaviors", "https://ns.adobe.com/xdm/data/record")]
    [InlineData("fieldgroups", "https://ns.adobe.com/xdm/context/identitymap")]
    [InlineData("mixins", "https://ns.adobe.com/xdm/context/profile-person-details")]
    public async Task ListGlobal_IdAccept_ListsStandardResources(string resources, string expectedId)
    {
        // Act
        using var response = await Get($"{Base}/global/{resources}", IdOnly);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var item = (await AepClient.JsonAsync(response))["results"]!.AsArray().Single(r => r!["$id"]!.GetValue<string>() == expectedId)!;
        Assert.Equal(4, item.AsObject().Count);
        Assert.StartsWith("_xdm.", item["meta:altId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json;version=1")]
    [InlineData("application/json")]
    [InlineData("")]
    public async Task List_InvalidAccept_Returns400Xdm1006(string accept)
    {
        // Act
        using var response = await Get($"{Base}/global/classes", accept);

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1006-400", "Accept header");
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json")]
    [InlineData("application/vnd.adobe.xed-id+json; version=1")]
    [InlineData("application/vnd.adobe.xed-bogus+json; version=1")]
    public async Task Lookup_InvalidAccept_Returns400Xdm1007(string accept)
    {
        // Act
        using var response = await Get($"{Base}/global/classes/{Uri.EscapeDataString(Profile)}", accept);

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1007-400", "Version should be specified");
    }

    [Theory]
    [InlineData("https%3A%2F%2Fns.adobe.com%2Fxdm%2Fcontext%2Fprofile")]
    [InlineData("_xdm.context.profile")]
    public async Task LookupGlobalClass_ByEncodedIdOrAltId_ReturnsRawClass(string id)
    {
        // Act
        using var response = await Get($"{Base}/global/classes/{id}", "application/vnd.adobe.xed+json; version=1");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(Profile, body["$id"]!.GetValue<string>());
        Assert.Equal("XDM Individual Profile", body["title"]!.GetValue<string>());
        Assert.Contains(body["meta:extends"]!.AsArray(), e => e!.GetValue<string>() == "https://ns.adobe.com/xdm/data/record");
        Assert.NotNull(body["allOf"]);
    }

    [Fact]
    public async Task LookupGlobal_UnknownId_Returns404Xdm()
    {
        // Act
        using var response = await Get($"{Base}/global/classes/_xdm.context.nothing", "application/vnd.adobe.xed+json; version=1");

        // Assert
        await AssertXdmError(response, HttpStatusCode.NotFound, "XDM-1012-404", "_xdm.context.nothing");
    }

    [Fact]
    public async Task Luma_FieldGroupSchemaAndFullView_ComposeTenantAndStandardFields()
    {
        // Arrange: a loyalty field group under _acme, then a profile schema with it and standard field groups
        var sandbox = await NewSandbox(TestClients.OrgA);
        using var fg = await CreateFieldGroup(TestClients.OrgA, sandbox, "Luma Loyalty");
        Assert.Equal(HttpStatusCode.Created, fg.StatusCode);
        await OpenApiContract.AssertMatchesAsync(fg);
        var fgBody = await AepClient.JsonAsync(fg);
        var fgId = fgBody["$id"]!.GetValue<string>();
        using var schema = await Post(TestClients.OrgA, sandbox, "schemas", new JsonObject
        {
            ["title"] = "Luma Loyalty Members",
            ["type"] = "object",
            ["allOf"] = new JsonArray(Ref(Profile), Ref(fgId), Ref("https://ns.adobe.com/xdm/context/profile-person-details"), Ref("https://ns.adobe.com/xdm/context/identitymap")),
        });

        // Act
        var schemaBody = await AepClient.JsonAsync(schema);
        var schemaId = schemaBody["$id"]!.GetValue<string>();
        using var full = await _client.SendAsync(HttpMethod.Get, $"{Base}/tenant/schemas/{Uri.EscapeDataString(schemaId)}", TestClients.OrgA, sandbox);

        // Assert: ids and derived lineage as AEP returns them
        Assert.Matches(@"^https://ns\.adobe\.com/acme/mixins/[0-9a-f]{32,48}$", fgId);
        Assert.Equal("mixins", fgBody["meta:resourceType"]!.GetValue<string>());
        Assert.Equal("_acme", fgBody["meta:tenantNamespace"]!.GetValue<string>());
        Assert.Equal("1.0", fgBody["version"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, schema.StatusCode);
        await OpenApiContract.AssertMatchesAsync(schema);
        Assert.Matches(@"^https://ns\.adobe\.com/acme/schemas/[0-9a-f]{32,48}$", schemaId);
        Assert.Equal("_acme.schemas." + schemaId.Split('/')[^1], schemaBody["meta:altId"]!.GetValue<string>());
        Assert.Equal(Profile, schemaBody["meta:class"]!.GetValue<string>());
        var extends = schemaBody["meta:extends"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains("https://ns.adobe.com/xdm/data/record", extends);
        Assert.Contains(fgId, extends);
        Assert.Contains("https://ns.adobe.com/xdm/context/identitymap", extends);

        var composed = await ComposedAsync(full);
        Assert.Equal("string", composed["properties"]!["_acme"]!["properties"]!["loyaltyId"]!["type"]!.GetValue<string>());
        Assert.Equal("string", composed["properties"]!["person"]!["properties"]!["name"]!["properties"]!["firstName"]!["type"]!.GetValue<string>());
        Assert.NotNull(composed["properties"]!["identityMap"]);
        Assert.Null(composed["allOf"]);
    }

    [Fact]
    public async Task Lookup_NoTextVariant_DropsNestedTitles()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        using var fg = await CreateFieldGroup(TestClients.OrgA, sandbox, "No Text FG");
        var id = (await AepClient.JsonAsync(fg))["$id"]!.GetValue<string>();

        // Act
        using var request = await _client.RequestAsync(HttpMethod.Get, $"{Base}/tenant/fieldgroups/{Uri.EscapeDataString(id)}", TestClients.OrgA, sandbox);
        request.Headers.Accept.ParseAdd("application/vnd.adobe.xed-notext+json; version=1");
        using var response = await _client.Http.SendAsync(request);

        // Assert
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Loyalty ID", raw, StringComparison.Ordinal);
        Assert.Equal("No Text FG", (await AepClient.JsonAsync(response))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateFieldGroup_FieldOutsideTenantNamespace_Returns400NamingTheField()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var body = FieldGroupBody("Outside", new JsonObject { ["loyaltyId"] = new JsonObject { ["type"] = "string" } });

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, "fieldgroups", body);

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1020-400", "loyaltyId");
    }

    [Fact]
    public async Task Create_TitleOfAnyExistingResource_Returns400Xdm1521()
    {
        // Arrange: the title is taken by a field group; a data type may not reuse it
        var sandbox = await NewSandbox(TestClients.OrgA);
        using var first = await CreateFieldGroup(TestClients.OrgA, sandbox, "Taken Title");
        var firstId = (await AepClient.JsonAsync(first))["$id"]!.GetValue<string>();

        // Act
        using var second = await Post(TestClients.OrgA, sandbox, "datatypes", new JsonObject
        {
            ["title"] = "Taken Title",
            ["type"] = "object",
            ["properties"] = new JsonObject { ["code"] = new JsonObject { ["type"] = "string" } },
        });

        // Assert: a 400, not a 409 (help/xdm/troubleshooting-guide.md)
        await AssertXdmError(second, HttpStatusCode.BadRequest, "XDM-1521-400", firstId);
    }

    [Theory]
    [InlineData("""{"title":"No class","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/nothing"],"definitions":{"d":{"properties":{"_acme":{"type":"object","properties":{"a":{"type":"string"}}}}}},"allOf":[{"$ref":"#/definitions/d"}]}""", "meta:intendedToExtend")]
    [InlineData("""{"title":"No intent","type":"object","definitions":{"d":{"properties":{"_acme":{"type":"object","properties":{"a":{"type":"string"}}}}}},"allOf":[{"$ref":"#/definitions/d"}]}""", "meta:intendedToExtend")]
    [InlineData("""{"title":"Bad field","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],"definitions":{"d":{"properties":{"_acme":{"type":"object","properties":{"../x":{"type":"string"}}}}}},"allOf":[{"$ref":"#/definitions/d"}]}""", "../x")]
    [InlineData("""{"title":"No type","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],"definitions":{"d":{"properties":{"_acme":{"type":"object","properties":{"a":{"title":"A"}}}}}},"allOf":[{"$ref":"#/definitions/d"}]}""", "'type'")]
    [InlineData("""{"title":"Dangling","type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"],"definitions":{"d":{"properties":{"_acme":{"type":"object","properties":{"a":{"$ref":"https://ns.adobe.com/acme/datatypes/missing"}}}}}},"allOf":[{"$ref":"#/definitions/d"}]}""", "https://ns.adobe.com/acme/datatypes/missing")]
    [InlineData("""{"type":"object","meta:intendedToExtend":["https://ns.adobe.com/xdm/context/profile"]}""", "'title'")]
    [InlineData("""[1,2]""", "JSON object")]
    public async Task CreateFieldGroup_InvalidBody_Returns400NamingTheProblemAndStoresNothing(string json, string mentions)
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/fieldgroups", TestClients.OrgA, sandbox, json);
        using var stats = await _client.GetAsync($"{Base}/stats", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.StartsWith("http://ns.adobe.com/aep/errors/XDM-", body["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await AepClient.JsonAsync(stats))["counts"]!["mixins"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("two classes", """[{"$ref":"https://ns.adobe.com/xdm/context/profile"},{"$ref":"https://ns.adobe.com/xdm/context/experienceevent"}]""", "exactly one class")]
    [InlineData("no class", """[{"$ref":"https://ns.adobe.com/xdm/context/identitymap"}]""", "exactly one class")]
    [InlineData("unknown", """[{"$ref":"https://ns.adobe.com/xdm/context/profile"},{"$ref":"https://ns.adobe.com/acme/mixins/0000"}]""", "https://ns.adobe.com/acme/mixins/0000")]
    [InlineData("wrong class", """[{"$ref":"https://ns.adobe.com/xdm/context/experienceevent"},{"$ref":"https://ns.adobe.com/xdm/context/profile-person-details"}]""", "profile-person-details")]
    public async Task CreateSchema_InvalidComposition_Returns400(string title, string allOf, string mentions)
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var json = $$"""{"title":"{{title}}","type":"object","allOf":{{allOf}}}""";

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/schemas", TestClients.OrgA, sandbox, json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentions, (await AepClient.JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSchema_FieldGroupsDisagreeOnAFieldType_Returns400()
    {
        // Arrange: two field groups define _acme.code, one as string, one as integer
        var sandbox = await NewSandbox(TestClients.OrgA);
        using var a = await Post(TestClients.OrgA, sandbox, "fieldgroups", FieldGroupBody("Code as string", Tenant(new JsonObject { ["code"] = new JsonObject { ["type"] = "string" } })));
        using var b = await Post(TestClients.OrgA, sandbox, "fieldgroups", FieldGroupBody("Code as integer", Tenant(new JsonObject { ["code"] = new JsonObject { ["type"] = "integer" } })));
        var aId = (await AepClient.JsonAsync(a))["$id"]!.GetValue<string>();
        var bId = (await AepClient.JsonAsync(b))["$id"]!.GetValue<string>();

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, "schemas", new JsonObject
        {
            ["title"] = "Conflicting",
            ["type"] = "object",
            ["allOf"] = new JsonArray(Ref(Profile), Ref(aId), Ref(bId)),
        });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'code'", (await AepClient.JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateClass_WithBehavior_DerivesExtends()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, "classes", new JsonObject
        {
            ["title"] = "Property",
            ["type"] = "object",
            ["definitions"] = new JsonObject { ["property"] = new JsonObject { ["properties"] = Tenant(new JsonObject { ["propertyId"] = new JsonObject { ["type"] = "string" } }) } },
            ["allOf"] = new JsonArray(Ref("https://ns.adobe.com/xdm/data/record"), Ref("#/definitions/property")),
        });

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("classes", body["meta:resourceType"]!.GetValue<string>());
        Assert.Equal("https://ns.adobe.com/xdm/data/record", body["meta:extends"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteFieldGroup_Returns204ThenLookupIs404()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        using var fg = await CreateFieldGroup(TestClients.OrgA, sandbox, "Short lived");
        var altId = (await AepClient.JsonAsync(fg))["meta:altId"]!.GetValue<string>();

        // Act
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{Base}/tenant/fieldgroups/{altId}", TestClients.OrgA, sandbox);
        using var lookup = await _client.SendAsync(HttpMethod.Get, $"{Base}/tenant/fieldgroups/{altId}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lookup.StatusCode); // no Accept: the registry checks it first
        using var request = await _client.RequestAsync(HttpMethod.Get, $"{Base}/tenant/fieldgroups/{altId}", TestClients.OrgA, sandbox);
        request.Headers.Accept.ParseAdd("application/vnd.adobe.xed+json; version=1");
        using var withAccept = await _client.Http.SendAsync(request);
        await AssertXdmError(withAccept, HttpStatusCode.NotFound, "XDM-1012-404", altId);
    }

    [Fact]
    public async Task WriteToGlobal_IsNotAllowed()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/global/fieldgroups", TestClients.OrgA, json: FieldGroupBody("Global?", Tenant(new JsonObject())).ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task TenantResources_AreInvisibleToOtherSandboxesAndOrgs()
    {
        // Arrange
        var sandboxA = await NewSandbox(TestClients.OrgA);
        var otherSandboxA = await NewSandbox(TestClients.OrgA);
        using var fg = await CreateFieldGroup(TestClients.OrgA, sandboxA, "Private FG");
        var id = Uri.EscapeDataString((await AepClient.JsonAsync(fg))["$id"]!.GetValue<string>());

        // Act
        using var sameSandbox = await GetAs(TestClients.OrgA, sandboxA, $"{Base}/tenant/fieldgroups/{id}");
        using var otherSandbox = await GetAs(TestClients.OrgA, otherSandboxA, $"{Base}/tenant/fieldgroups/{id}");
        using var otherOrg = await GetAs(TestClients.OrgB, "prod", $"{Base}/tenant/fieldgroups/{id}");
        using var otherOrgList = await GetAs(TestClients.OrgB, "prod", $"{Base}/tenant/fieldgroups", IdOnly);
        using var deleteFromOtherSandbox = await _client.SendAsync(HttpMethod.Delete, $"{Base}/tenant/fieldgroups/{id}", TestClients.OrgA, otherSandboxA);

        // Assert
        Assert.Equal(HttpStatusCode.OK, sameSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOrg.StatusCode);
        Assert.DoesNotContain("Private FG", await otherOrgList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deleteFromOtherSandbox.StatusCode);
    }

    [Fact]
    public async Task SandboxReset_WipesItsSchemaRegistryResources()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        var keep = await NewSandbox(TestClients.OrgA);
        using (await CreateFieldGroup(TestClients.OrgA, sandbox, "Wiped FG"))
        using (await CreateFieldGroup(TestClients.OrgA, keep, "Kept FG"))
        {
        }

        // Act
        using var reset = await _client.SendAsync(HttpMethod.Put, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA, json: new { action = "reset" });
        using var wiped = await _client.GetAsync($"{Base}/stats", TestClients.OrgA, sandbox);
        using var kept = await _client.GetAsync($"{Base}/stats", TestClients.OrgA, keep);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.Equal(0, (await AepClient.JsonAsync(wiped))["counts"]!["mixins"]!.GetValue<int>());
        Assert.Equal(1, (await AepClient.JsonAsync(kept))["counts"]!["mixins"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListTenant_PropertyFilterAndOrdering_SelectAndSort()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);
        using (await CreateFieldGroup(TestClients.OrgA, sandbox, "B profile FG"))
        using (await CreateFieldGroup(TestClients.OrgA, sandbox, "A profile FG"))
        using (await Post(TestClients.OrgA, sandbox, "fieldgroups", FieldGroupBody("C event FG", Tenant(new JsonObject { ["x"] = new JsonObject { ["type"] = "string" } }), "https://ns.adobe.com/xdm/context/experienceevent")))
        {
        }

        // Act
        using var profileOnly = await GetAs(TestClients.OrgA, sandbox, $"{Base}/tenant/fieldgroups?property=meta:intendedToExtend=={Uri.EscapeDataString(Profile)}&orderby=-title", Raw);
        using var firstPage = await GetAs(TestClients.OrgA, sandbox, $"{Base}/tenant/fieldgroups?orderby=title&limit=2", IdOnly);

        // Assert
        var titles = (await AepClient.JsonAsync(profileOnly))["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["B profile FG", "A profile FG"], titles);
        var page = await AepClient.JsonAsync(firstPage);
        Assert.Equal(2, page["results"]!.AsArray().Count);
        Assert.Equal("B profile FG", page["_page"]!["next"]!.GetValue<string>());
    }

    private async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("sr");
        using var response = await _client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    private Task<HttpResponseMessage> CreateFieldGroup(TestClient client, string sandbox, string title) =>
        Post(client, sandbox, "fieldgroups", FieldGroupBody(title, Tenant(new JsonObject
        {
            ["loyaltyId"] = new JsonObject { ["type"] = "string", ["title"] = "Loyalty ID" },
            ["points"] = new JsonObject { ["type"] = "integer", ["title"] = "Points" },
        })));

    private Task<HttpResponseMessage> Post(TestClient client, string sandbox, string resources, JsonObject body) =>
        _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/{resources}", client, sandbox, body.ToJsonString());

    private async Task<HttpResponseMessage> Get(string path, string accept) => await GetAs(TestClients.OrgA, "prod", path, accept);

    private async Task<HttpResponseMessage> GetAs(TestClient client, string sandbox, string path, string accept = "application/vnd.adobe.xed+json; version=1")
    {
        using var request = await _client.RequestAsync(HttpMethod.Get, path, client, sandbox);
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.Http.SendAsync(request);
    }

    private async Task<JsonNode> ComposedAsync(HttpResponseMessage unusedNoAccept)
    {
        // A lookup needs the Accept header: the first call proves it, this one asks for the composed form.
        Assert.Equal(HttpStatusCode.BadRequest, unusedNoAccept.StatusCode);
        var request = unusedNoAccept.RequestMessage!;
        using var again = new HttpRequestMessage(HttpMethod.Get, request.RequestUri);
        foreach (var h in request.Headers.Where(h => h.Key != "Accept"))
        {
            again.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }

        again.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/vnd.adobe.xed-full+json; version=1"));
        using var response = await _client.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AepClient.JsonAsync(response);
    }

    private static JsonObject FieldGroupBody(string title, JsonObject properties, string intendedClass = Profile) => new()
    {
        ["title"] = title,
        ["type"] = "object",
        ["meta:intendedToExtend"] = new JsonArray(intendedClass),
        ["definitions"] = new JsonObject { ["fields"] = new JsonObject { ["properties"] = properties } },
        ["allOf"] = new JsonArray(Ref("#/definitions/fields")),
    };

    private static JsonObject Tenant(JsonObject fields) => new() { ["_acme"] = new JsonObject { ["type"] = "object", ["properties"] = fields } };

    private static JsonObject Ref(string id) => new() { ["$ref"] = id };

    private static async Task AssertXdmError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal($"http://ns.adobe.com/aep/errors/{code}", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["report"]!["registryRequestId"]);
    }
}

public sealed class SchemaRegistryApiTestsPostgres(PostgresPlatform fixture) : SchemaRegistryApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class SchemaRegistryApiTestsSqlite(SqlitePlatform fixture) : SchemaRegistryApiTests(fixture), IClassFixture<SqlitePlatform>;
