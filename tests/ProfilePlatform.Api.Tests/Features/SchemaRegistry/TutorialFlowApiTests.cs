using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.SchemaRegistry.XdmApi;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>The Schema Registry calls of AEP's tutorials, with their request bodies as the docs print them.</summary>
public abstract class TutorialFlowApiTests(PlatformFixture fixture)
{
    private readonly XdmApi _api = new(AepClient.For(fixture.Factory));

    /// <summary>help/xdm/tutorials/ad-hoc.md and help/sources/tutorials/api/collect/marketing-automation.md: an ad hoc
    /// schema for the source data, then the target profile schema the mapping writes to.</summary>
    [Fact]
    public async Task MarketingAutomationSource_AdHocSchemaAndTargetProfileSchema()
    {
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);

        // The ad hoc class: its '_adhoc' object becomes the class's own namespace.
        using var classResponse = await _api.PostAsync(TestClients.OrgA, sandbox, "classes", JsonNode.Parse("""
            {
              "title":"New ad-hoc class",
              "description": "New ad-hoc class description",
              "type":"object",
              "allOf": [
                { "$ref":"https://ns.adobe.com/xdm/data/adhoc" },
                { "properties": { "_adhoc": { "type":"object", "properties": { "field1": { "type":"string" }, "field2": { "type":"string" } } } } }
              ]
            }
            """)!);
        Assert.Equal(HttpStatusCode.Created, classResponse.StatusCode);
        await OpenApiContract.AssertMatchesAsync(classResponse);
        var adhocClass = (await AepClient.JsonAsync(classResponse)).AsObject();
        var classId = adhocClass["$id"]!.GetValue<string>();
        var datasetNamespace = adhocClass["meta:datasetNamespace"]!.GetValue<string>();
        Assert.Equal("_" + classId[(classId.LastIndexOf('/') + 1)..], datasetNamespace);
        Assert.Equal(["https://ns.adobe.com/xdm/data/adhoc"], adhocClass["meta:extends"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.NotNull(adhocClass["allOf"]![1]!["properties"]![datasetNamespace]);
        Assert.Null(adhocClass["allOf"]![1]!["properties"]!["_adhoc"]);

        // The ad hoc schema implements it and carries the same dataset namespace.
        var adhocSchema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", JsonNode.Parse($$"""
            { "title":"New Schema", "description": "New schema description.", "type":"object", "allOf": [ { "$ref":"{{classId}}" } ] }
            """)!);
        var adhocFull = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", XdmAlt(adhocSchema), Full);
        Assert.Equal(datasetNamespace, adhocFull["meta:datasetNamespace"]!.GetValue<string>());
        Assert.Equal(classId, adhocFull["meta:class"]!.GetValue<string>());
        Assert.Equal("string", adhocFull["properties"]![datasetNamespace]!["properties"]!["field2"]!["type"]!.GetValue<string>());

        // The target schema, with the registry fields the tutorial's body sends along.
        using var targetResponse = await _api.PostAsync(TestClients.OrgA, sandbox, "schemas", JsonNode.Parse("""
            {
                "type": "object",
                "title": "Target schema for marketing automation",
                "description": "Target schema for marketing automation",
                "allOf": [
                    { "$ref": "https://ns.adobe.com/xdm/context/profile" },
                    { "$ref": "https://ns.adobe.com/xdm/context/profile-person-details" },
                    { "$ref": "https://ns.adobe.com/xdm/context/profile-personal-details" }
                ],
                "meta:containerId": "tenant",
                "meta:resourceType": "schemas",
                "meta:xdmType": "object",
                "meta:class": "https://ns.adobe.com/xdm/context/profile"
            }
            """)!);
        Assert.Equal(HttpStatusCode.Created, targetResponse.StatusCode);
        await OpenApiContract.AssertMatchesAsync(targetResponse);
        var target = (await AepClient.JsonAsync(targetResponse)).AsObject();
        Assert.Equal("https://ns.adobe.com/xdm/context/profile", target["meta:class"]!.GetValue<string>());
        Assert.Contains(target["meta:extends"]!.AsArray(), e => e!.GetValue<string>() == "https://ns.adobe.com/xdm/data/record");

        // The mapping of the tutorial writes _id, person.name.firstName and _repo.createDate: all must exist.
        var full = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", target["$id"]!.GetValue<string>(), Full);
        var properties = full["properties"]!;
        Assert.Equal("string", properties["_id"]!["type"]!.GetValue<string>());
        Assert.Equal("string", properties["person"]!["properties"]!["name"]!["properties"]!["firstName"]!["type"]!.GetValue<string>());
        Assert.NotNull(properties["_repo"]!["properties"]!["createDate"]);
        Assert.NotNull(properties["personalEmail"]!["properties"]!["address"]);
    }

    /// <summary>help/profile/tutorials/... (enable a schema for Profile) with a Luma-style loyalty schema: a tenant field
    /// group, standard field groups, a primary identity descriptor on the email, enablement, a refused breaking change
    /// and the union that lists the schema.</summary>
    [Fact]
    public async Task LumaProfileSchema_PrimaryIdentityDescriptorEnablesItForProfile()
    {
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var loyalty = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Luma loyalty", "acme", new JsonObject
        {
            ["loyalty"] = new JsonObject
            {
                ["type"] = "object",
                ["title"] = "Loyalty",
                ["properties"] = new JsonObject { ["loyaltyId"] = Field("string", "Loyalty ID"), ["points"] = Field("integer", "Points"), ["tier"] = Field("string", "Tier") },
            },
        }));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema(
            "Luma loyalty members", Profile, "https://ns.adobe.com/xdm/context/profile-person-details", "https://ns.adobe.com/xdm/context/profile-personal-details", loyalty));
        var enable = Ops(Op("add", "/meta:immutableTags", new JsonArray("union")));

        // Without an identity the schema cannot join the union.
        using (var refused = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, enable))
        {
            await AssertXdmErrorAsync(refused, HttpStatusCode.BadRequest, "XDM-1528-400", "primary identity descriptor");
        }

        // The primary identity descriptor on the personal email (help/xdm/api/descriptors.md).
        using (var descriptor = await _api.PostAsync(TestClients.OrgA, sandbox, "descriptors", new JsonObject
        {
            ["@type"] = "xdm:descriptorIdentity",
            ["xdm:sourceSchema"] = schema,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/personalEmail/address",
            ["xdm:namespace"] = "Email",
            ["xdm:property"] = "xdm:code",
            ["xdm:isPrimary"] = true,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, descriptor.StatusCode);
        }

        using (var enabled = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, enable))
        {
            Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
            Assert.Equal("union", (await AepClient.JsonAsync(enabled))["meta:immutableTags"]![0]!.GetValue<string>());
        }

        // A breaking change to the loyalty field group is refused; the union lists the schema's fields.
        using (var breaking = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", loyalty, Ops(Op("remove", "/definitions/fields/properties/_acme/properties/loyalty/properties/points"))))
        {
            await AssertXdmErrorAsync(breaking, HttpStatusCode.BadRequest, "XDM-1000-400", "/_acme/loyalty/points");
        }

        // xed-full-desc lists the schema's descriptors; xed-deprecatefield marks the fields a deprecation descriptor names.
        var withDescriptors = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", schema, "application/vnd.adobe.xed-full-desc+json; version=1");
        Assert.Equal("/personalEmail/address", withDescriptors["meta:descriptors"]!.AsArray().Single()!["xdm:sourceProperty"]!.GetValue<string>());
        using (var deprecate = await _api.PostAsync(TestClients.OrgA, sandbox, "descriptors", new JsonObject
        {
            ["@type"] = "xdm:descriptorDeprecated",
            ["xdm:sourceSchema"] = schema,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/_acme/loyalty/tier",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, deprecate.StatusCode);
        }

        var deprecated = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", schema, "application/vnd.adobe.xed-deprecatefield+json; version=1");
        var loyaltyFields = deprecated["properties"]!["_acme"]!["properties"]!["loyalty"]!["properties"]!;
        Assert.Equal("deprecated", loyaltyFields["tier"]!["meta:status"]!.GetValue<string>());
        Assert.Null(loyaltyFields["points"]!["meta:status"]);

        using var unions = await _api.GetAsync(TestClients.OrgA, sandbox, "tenant/unions", IdList);
        Assert.Equal(Profile + "__union", (await AepClient.JsonAsync(unions))["results"]!.AsArray().Single()!["$id"]!.GetValue<string>());
        var union = await _api.LookupAsync(TestClients.OrgA, sandbox, "unions", Profile + "__union", Full);
        Assert.NotNull(union["properties"]!["_acme"]!["properties"]!["loyalty"]!["properties"]!["points"]);
        Assert.NotNull(union["properties"]!["personalEmail"]!["properties"]!["address"]);
        Assert.NotNull(union["properties"]!["person"]!["properties"]!["name"]);
    }

    [Fact]
    public async Task AdHocClass_FieldsOutsideItsNamespace_AreRefused()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);

        // Act
        using var response = await _api.PostAsync(TestClients.OrgA, sandbox, "classes", JsonNode.Parse("""
            { "title":"Leaky ad-hoc", "type":"object", "allOf": [
                { "$ref":"https://ns.adobe.com/xdm/data/adhoc" },
                { "properties": { "_adhoc": { "type":"object", "properties": { "a": { "type":"string" } } }, "loose": { "type":"string" } } } ] }
            """)!);

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-1020-400", "/allOf/1/properties/loose");
    }

    private static string XdmAlt(string id) => "_" + id["https://ns.adobe.com/".Length..].Replace('/', '.');
}

public sealed class TutorialFlowApiTestsPostgres(PostgresPlatform fixture) : TutorialFlowApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class TutorialFlowApiTestsSqlite(SqlitePlatform fixture) : TutorialFlowApiTests(fixture), IClassFixture<SqlitePlatform>;
