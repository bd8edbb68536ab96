using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.SchemaRegistry.XdmApi;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>Enabling schemas for Real-Time Customer Profile (help/xdm/api/schemas.md §union), the unions that result
/// (help/xdm/api/unions.md) and the breaking-change lock on enabled schemas (help/xdm/troubleshooting-guide.md).</summary>
public abstract class ProfileEnablementApiTests(PlatformFixture fixture)
{
    private static readonly JsonArray Enable = Ops(Op("add", "/meta:immutableTags", new JsonArray("union")));
    private readonly XdmApi _api = new(AepClient.For(fixture.Factory));

    [Fact]
    public async Task Enable_WithoutIdentity_Returns400Xdm1528AndLeavesTheSchemaAlone()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("No identity", Profile));

        // Act
        using var response = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Enable);

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-1528-400", "identityMap");
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Null((await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", schema))["meta:immutableTags"]);
    }

    [Fact]
    public async Task Enable_WithIdentityMap_TagsTheSchemaAndItsUnionComposesEveryEnabledSchema()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var loyalty = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Loyalty", "acme", new JsonObject { ["loyaltyId"] = Field("string") }));
        var crm = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("CRM", "acme", new JsonObject { ["crmId"] = Field("string") }));
        var first = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Loyalty members", Profile, IdentityMap, loyalty));
        var second = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("CRM members", Profile, IdentityMap, crm));
        var notEnabled = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Not in union", "acme", new JsonObject { ["hidden"] = Field("string") }));
        _ = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Draft", Profile, notEnabled));

        // Act
        using var enabled = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", first, Enable);
        using (var also = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", second, Enable))
        {
            Assert.Equal(HttpStatusCode.OK, also.StatusCode);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        await OpenApiContract.AssertMatchesAsync(enabled);
        var body = await AepClient.JsonAsync(enabled);
        Assert.Equal("union", body["meta:immutableTags"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("1.1", body["version"]!.GetValue<string>());

        using var list = await _api.GetAsync(TestClients.OrgA, sandbox, "tenant/unions", IdList);
        await OpenApiContract.AssertMatchesAsync(list);
        var union = (await AepClient.JsonAsync(list))["results"]!.AsArray().Single()!;
        Assert.Equal((Profile + "__union", "_xdm.context.profile__union", "XDM Individual Profile", "1"), (union["$id"]!.GetValue<string>(), union["meta:altId"]!.GetValue<string>(), union["title"]!.GetValue<string>(), union["version"]!.GetValue<string>()));

        var raw = await _api.LookupAsync(TestClients.OrgA, sandbox, "unions", Profile + "__union");
        Assert.Equal("unions", raw["meta:resourceType"]!.GetValue<string>());
        Assert.Equal($"Union object for {Profile}", raw["title"]!.GetValue<string>());
        var parts = raw["allOf"]!.AsArray().Select(p => p!["$ref"]!.GetValue<string>()).ToList();
        Assert.Equal(Profile, parts[0]);
        Assert.Equal(new[] { IdentityMap, loyalty, crm }.Order(), parts.Skip(1).Order());

        var full = await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", Profile + "__union", Full);
        var tenantFields = full["properties"]!["_acme"]!["properties"]!.AsObject();
        Assert.True(tenantFields.ContainsKey("loyaltyId") && tenantFields.ContainsKey("crmId"), tenantFields.ToJsonString());
        Assert.False(tenantFields.ContainsKey("hidden"));
        Assert.NotNull(full["properties"]!["identityMap"]);

        using var members = await _api.GetAsync(TestClients.OrgA, sandbox, $"tenant/schemas?property=meta:immutableTags==union&property=meta:class=={Profile}", IdList);
        Assert.Equal(
            new[] { first, second }.Order(),
            (await AepClient.JsonAsync(members))["results"]!.AsArray().Select(r => r!["$id"]!.GetValue<string>()).Order());

        using var stats = await _api.GetAsync(TestClients.OrgA, sandbox, "stats", null);
        Assert.Equal(1, (await AepClient.JsonAsync(stats))["counts"]!["unions"]!.GetValue<int>());
    }

    [Fact]
    public async Task EnabledSchema_RefusesBreakingChangesAndAcceptsAdditiveOnes()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Locked FG", "acme", new JsonObject { ["points"] = Field("integer"), ["tier"] = Field("string") }));
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Locked schema", Profile, IdentityMap, fg));
        using (var enable = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Enable))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        // Act
        using var removeFieldGroup = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Ops(Op("remove", "/allOf/2")));
        using var removeTag = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Ops(Op("remove", "/meta:immutableTags")));
        using var putWithoutTag = await _api.PutAsync(TestClients.OrgA, sandbox, "schemas", schema, Schema("Locked schema", Profile, IdentityMap, fg));
        using var changeType = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("replace", "/definitions/fields/properties/_acme/properties/points/type", "string")));
        using var removeField = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("remove", "/definitions/fields/properties/_acme/properties/tier")));
        using var makeRequired = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("add", "/definitions/fields/properties/_acme/required", new JsonArray("tier"))));
        using var addField = await _api.PatchAsync(TestClients.OrgA, sandbox, "fieldgroups", fg, Ops(Op("add", "/definitions/fields/properties/_acme/properties/since", Field("string"))));

        // Assert
        await AssertXdmErrorAsync(removeFieldGroup, HttpStatusCode.BadRequest, "XDM-1000-400", "field '/_acme/points' would be removed");
        await AssertXdmErrorAsync(removeTag, HttpStatusCode.BadRequest, "XDM-1000-400", "'union' tag");
        await AssertXdmErrorAsync(putWithoutTag, HttpStatusCode.BadRequest, "XDM-1000-400", "'union' tag");
        await AssertXdmErrorAsync(changeType, HttpStatusCode.BadRequest, "XDM-1000-400", "field '/_acme/points' would change type from 'integer' to 'string'");
        await AssertXdmErrorAsync(removeField, HttpStatusCode.BadRequest, "XDM-1000-400", "field '/_acme/tier' would be removed");
        await AssertXdmErrorAsync(makeRequired, HttpStatusCode.BadRequest, "XDM-1000-400", "field '/_acme/tier' would become required");
        Assert.Equal(HttpStatusCode.OK, addField.StatusCode);
        var union = await _api.LookupAsync(TestClients.OrgA, sandbox, "unions", Profile + "__union", Full);
        Assert.NotNull(union["properties"]!["_acme"]!["properties"]!["since"]);
        Assert.Equal("1.1", (await _api.LookupAsync(TestClients.OrgA, sandbox, "fieldgroups", fg))["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enable_FieldConflictingWithTheUnion_Returns400Xdm1413()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var text = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Code as text", "acme", new JsonObject { ["code"] = Field("string") }));
        var number = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Code as number", "acme", new JsonObject { ["code"] = Field("integer") }));
        var first = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Text codes", Profile, IdentityMap, text));
        var second = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Number codes", Profile, IdentityMap, number));
        using (var ok = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", first, Enable))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Act
        using var response = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", second, Enable);

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-1413-400", "'code'");
        Assert.Null((await _api.LookupAsync(TestClients.OrgA, sandbox, "schemas", second))["meta:immutableTags"]);
    }

    [Fact]
    public async Task Enable_OneToOneWithoutMatchingReferenceIdentity_Returns400Xdm1526ThenXdm1527()
    {
        // Arrange: the destination's primary identity is an Email; the source points at it one-to-one
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var fg = await _api.CreateAsync(TestClients.OrgA, sandbox, "fieldgroups", FieldGroup("Refs", "acme", new JsonObject { ["loyaltyId"] = Field("string"), ["accountRef"] = Field("string") }));
        var destination = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Accounts", Profile, IdentityMap, fg));
        var source = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Members with accounts", Profile, IdentityMap, fg));
        await DescriptorAsync(sandbox, HttpMethod.Post, null, new JsonObject
        {
            ["@type"] = "xdm:descriptorIdentity",
            ["xdm:sourceSchema"] = destination,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/_acme/loyaltyId",
            ["xdm:namespace"] = "Email",
            ["xdm:property"] = "xdm:code",
            ["xdm:isPrimary"] = true,
        });
        await DescriptorAsync(sandbox, HttpMethod.Post, null, new JsonObject
        {
            ["@type"] = "xdm:descriptorOneToOne",
            ["xdm:sourceSchema"] = source,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/_acme/accountRef",
            ["xdm:destinationSchema"] = destination,
            ["xdm:destinationVersion"] = 1,
        });

        // Act
        using var noReference = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", source, Enable);
        var reference = new JsonObject
        {
            ["@type"] = "xdm:descriptorReferenceIdentity",
            ["xdm:sourceSchema"] = source,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/_acme/accountRef",
            ["xdm:identityNamespace"] = "Phone",
        };
        var referenceId = await DescriptorAsync(sandbox, HttpMethod.Post, null, reference);
        using var wrongNamespace = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", source, Enable);
        reference["xdm:identityNamespace"] = "Email";
        await DescriptorAsync(sandbox, HttpMethod.Put, referenceId, reference);
        using var enabled = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", source, Enable);

        // Assert
        await AssertXdmErrorAsync(noReference, HttpStatusCode.BadRequest, "XDM-1526-400", "/_acme/accountRef");
        await AssertXdmErrorAsync(wrongNamespace, HttpStatusCode.BadRequest, "XDM-1527-400", "'Email'");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Theory]
    [InlineData("[\"profile\"]")]
    [InlineData("\"union\"")]
    [InlineData("[\"union\", 5]")]
    public async Task Enable_InvalidTagValue_Returns400NamingTheField(string value)
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Bad tags", Profile, IdentityMap));

        // Act
        using var response = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Ops(Op("add", "/meta:immutableTags", JsonNode.Parse(value))));

        // Assert
        await AssertXdmErrorAsync(response, HttpStatusCode.BadRequest, "XDM-1000-400", "meta:immutableTags");
    }

    [Fact]
    public async Task Unions_AreIsolatedAndLookupsFollowTheRegistryRules()
    {
        // Arrange
        var sandbox = await _api.NewSandboxAsync(TestClients.OrgA);
        var schema = await _api.CreateAsync(TestClients.OrgA, sandbox, "schemas", Schema("Isolated union member", Profile, IdentityMap));
        using (var ok = await _api.PatchAsync(TestClients.OrgA, sandbox, "schemas", schema, Enable))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var union = Uri.EscapeDataString(Profile + "__union");

        // Act
        using var otherSandbox = await _api.GetAsync(TestClients.OrgA, "prod", "tenant/unions", IdList);
        using var otherOrg = await _api.GetAsync(TestClients.OrgB, "prod", $"tenant/unions/{union}", Raw);
        using var noVersion = await _api.GetAsync(TestClients.OrgA, sandbox, $"tenant/unions/{union}", "application/vnd.adobe.xed+json");
        using var listWithVersion = await _api.GetAsync(TestClients.OrgA, sandbox, "tenant/unions", Raw);
        using var unknown = await _api.GetAsync(TestClients.OrgA, sandbox, $"tenant/unions/{Uri.EscapeDataString("https://ns.adobe.com/xdm/context/experienceevent__union")}", Raw);
        using var byAltId = await _api.GetAsync(TestClients.OrgA, sandbox, "tenant/unions/_xdm.context.profile__union", Raw);

        // Assert
        Assert.Empty((await AepClient.JsonAsync(otherSandbox))["results"]!.AsArray());
        await AssertXdmErrorAsync(otherOrg, HttpStatusCode.NotFound, "XDM-1012-404", "profile__union");
        await AssertXdmErrorAsync(noVersion, HttpStatusCode.BadRequest, "XDM-1007-400", "Version");
        await AssertXdmErrorAsync(listWithVersion, HttpStatusCode.BadRequest, "XDM-1006-400", "Accept");
        await AssertXdmErrorAsync(unknown, HttpStatusCode.NotFound, "XDM-1012-404", "experienceevent__union");
        Assert.Equal(HttpStatusCode.OK, byAltId.StatusCode);
    }

    private async Task<string> DescriptorAsync(string sandbox, HttpMethod method, string? id, JsonObject body)
    {
        var path = $"{XdmApi.Base}/tenant/descriptors" + (id is null ? "" : "/" + id);
        using var response = await _api.Client.SendAsync(method, path, TestClients.OrgA, sandbox, body.ToJsonString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{method} descriptor: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["@id"]!.GetValue<string>();
    }
}

public sealed class ProfileEnablementApiTestsPostgres(PostgresPlatform fixture) : ProfileEnablementApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class ProfileEnablementApiTestsSqlite(SqlitePlatform fixture) : ProfileEnablementApiTests(fixture), IClassFixture<SqlitePlatform>;
