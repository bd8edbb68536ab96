using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>Schema descriptors through HTTP (help/xdm/api/descriptors.md, schema-registry.yaml "Descriptors"): the
/// Accept forms, lookups without Accept, PUT's 201, rules against the composed schema, errors, schema deletion, and
/// isolation between organizations and sandboxes.</summary>
public abstract class DescriptorsApiTests(PlatformFixture fixture)
{
    private const string Base = "/data/foundation/schemaregistry";
    private const string Descriptors = Base + "/tenant/descriptors";
    private const string Profile = "https://ns.adobe.com/xdm/context/profile";
    private const string XdmIds = "application/vnd.adobe.xdm-id+json";
    private const string XdmLinks = "application/vnd.adobe.xdm-link+json";
    private const string XdmObjects = "application/vnd.adobe.xdm+json";
    private const string XdmPaged = "application/vnd.adobe.xdm-v2+json";
    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task Create_IdentityDescriptor_Returns201WithTheStoredDescriptor()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email", primary: true));

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Matches("^[0-9a-f]{40}$", body["@id"]!.GetValue<string>());
        Assert.Equal("xdm:descriptorIdentity", body["@type"]!.GetValue<string>());
        Assert.Equal(schema, body["xdm:sourceSchema"]!.GetValue<string>());
        Assert.Equal(1, body["xdm:sourceVersion"]!.GetValue<int>());
        Assert.Equal("/_acme/loyaltyId", body["xdm:sourceProperty"]!.GetValue<string>());
        Assert.True(body["xdm:isPrimary"]!.GetValue<bool>());
        Assert.Equal("tenant", body["meta:containerId"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, body["imsOrg"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ClientId, body["createdClient"]!.GetValue<string>());
        Assert.InRange(body["created"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
        Assert.Equal(body["created"]!.GetValue<long>(), body["updated"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData(XdmObjects)]
    public async Task Lookup_WithoutOrWithAnyNonXedAccept_ReturnsTheDescriptor(string? accept)
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var id = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email"));

        // Act
        using var response = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{id}", accept);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(id, body["@id"]!.GetValue<string>());
        Assert.Equal("/personalEmail/address", body["xdm:sourceProperty"]!.GetValue<string>());
        foreach (var field in new[] { "createdUser", "imsOrg", "createdClient", "updatedUser", "created", "updated", "meta:containerId" })
        {
            Assert.NotNull(body[field]);
        }
    }

    [Fact]
    public async Task Lookup_XedAccept_Returns400Xdm1009()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var id = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email"));

        // Act
        using var response = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{id}", "application/vnd.adobe.xed+json;version=1");

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1009-400", "application/vnd.adobe.xdm+json");
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal("Accept header invalid", (await AepClient.JsonAsync(response))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("application/vnd.adobe.xed+json")]
    [InlineData("application/vnd.adobe.xed-id+json")]
    [InlineData("application/vnd.adobe.xdm+json; version=1")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task List_WithoutAnXdmAccept_Returns400Xdm1008(string? accept)
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await Get(TestClients.OrgA, sandbox, Descriptors, accept);

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1008-400", "application/vnd.adobe.xdm-id+json");
        await OpenApiContract.AssertMatchesAsync(response);
    }

    [Fact]
    public async Task List_EachAccept_GroupsByTypeWithIdsLinksOrObjects()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var identity = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email", primary: true));
        var friendly = await CreateId(TestClients.OrgA, sandbox, FriendlyName(schema, "/_acme/points"));

        // Act
        using var ids = await Get(TestClients.OrgA, sandbox, Descriptors, XdmIds);
        using var links = await Get(TestClients.OrgA, sandbox, Descriptors, XdmLinks);
        using var objects = await Get(TestClients.OrgA, sandbox, Descriptors, XdmObjects);

        // Assert
        var idBody = (await AepClient.JsonAsync(ids)).AsObject();
        Assert.Equal(["xdm:alternateDisplayInfo", "xdm:descriptorIdentity"], idBody.Select(p => p.Key));
        Assert.Equal(identity, idBody["xdm:descriptorIdentity"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(friendly, idBody["xdm:alternateDisplayInfo"]!.AsArray().Single()!.GetValue<string>());
        var linkBody = await AepClient.JsonAsync(links);
        Assert.Equal($"/tenant/descriptors/{identity}", linkBody["xdm:descriptorIdentity"]![0]!.GetValue<string>());
        var objectBody = await AepClient.JsonAsync(objects);
        Assert.Equal("/_acme/loyaltyId", objectBody["xdm:descriptorIdentity"]![0]!["xdm:sourceProperty"]!.GetValue<string>());
        Assert.Equal("Points", objectBody["xdm:alternateDisplayInfo"]![0]!["xdm:title"]!["en_us"]!.GetValue<string>());
        Assert.Null(objectBody["xdm:descriptorOneToOne"]); // no empty arrays for types without descriptors
        await OpenApiContract.AssertMatchesAsync(ids);
        await OpenApiContract.AssertMatchesAsync(links);
        await OpenApiContract.AssertMatchesAsync(objects);
    }

    [Fact]
    public async Task List_EmptySandbox_IsAnEmptyObject()
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await Get(TestClients.OrgA, sandbox, Descriptors, XdmIds);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await AepClient.JsonAsync(response)).AsObject());
    }

    [Fact]
    public async Task List_PropertyFilters_SelectBySchemaAndType()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var other = await CreateSchema(TestClients.OrgA, sandbox, "Other members");
        var mine = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email"));
        await CreateId(TestClients.OrgA, sandbox, Identity(other, "/_acme/loyaltyId", "Email"));
        await CreateId(TestClients.OrgA, sandbox, FriendlyName(schema, "/_acme/points"));

        // Act
        using var response = await Get(TestClients.OrgA, sandbox,
            $"{Descriptors}?property={Uri.EscapeDataString("xdm:sourceSchema==" + schema)}&property={Uri.EscapeDataString("@type==xdm:descriptorIdentity")}", XdmIds);

        // Assert
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(mine, Assert.Single(body).Value!.AsArray().Single()!.GetValue<string>());
    }

    [Fact]
    public async Task List_V2Accept_PagesWithStartAndLimit()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var created = new List<string>
        {
            await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email")),
            await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email")),
            await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/mobilePhone/number", "Phone")),
        };

        // Act
        using var first = await Get(TestClients.OrgA, sandbox, $"{Descriptors}?orderby=@id&limit=2", XdmPaged);
        var firstBody = await AepClient.JsonAsync(first);
        var next = firstBody["_page"]!["next"]!.GetValue<string>();
        using var second = await Get(TestClients.OrgA, sandbox, $"{Descriptors}?orderby=@id&limit=2&start={next}", "application/vnd.adobe.xdm-v2-id+json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await OpenApiContract.AssertMatchesAsync(first);
        var page1 = firstBody["results"]!.AsArray().Select(r => r!["@id"]!.GetValue<string>()).ToList();
        var secondBody = await AepClient.JsonAsync(second);
        var page2 = secondBody["results"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(created.Order(StringComparer.Ordinal), page1.Concat(page2));
        Assert.Equal(2, firstBody["_page"]!["count"]!.GetValue<int>());
        Assert.Null(secondBody["_page"]!["next"]);
        Assert.Contains("start=" + next, firstBody["_links"]!["next"]!["href"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_Returns201WithTheIdAndRewritesTheDescriptor()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var id = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email"));

        // Act
        using var put = await _client.SendAsync(HttpMethod.Put, $"{Descriptors}/{id}", TestClients.OrgA2, sandbox, Identity(schema, "/mobilePhone/number", "Phone").ToJsonString());
        using var lookup = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{id}", null);

        // Assert: 201 and only the @id, as help/xdm/api/descriptors.md shows (the spec documents 200 with the same schema)
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var putBody = await AepClient.JsonAsync(put);
        Assert.Equal(id, Assert.Single(putBody.AsObject()).Value!.GetValue<string>());
        var contract = OpenApiContract.Validate("PUT", $"{Descriptors}/{id}", 200, putBody.ToJsonString());
        Assert.True(contract.IsMatch, contract.Describe());
        var after = await AepClient.JsonAsync(lookup);
        Assert.Equal("/mobilePhone/number", after["xdm:sourceProperty"]!.GetValue<string>());
        Assert.Equal("Phone", after["xdm:namespace"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.TechnicalAccountId, after["createdUser"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA2.TechnicalAccountId, after["updatedUser"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Returns204ThenLookupIs404()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var id = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email"));

        // Act
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{Descriptors}/{id}", TestClients.OrgA, sandbox);
        using var lookup = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{id}", null);
        using var again = await _client.SendAsync(HttpMethod.Delete, $"{Descriptors}/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await OpenApiContract.AssertMatchesAsync(deleted);
        await AssertXdmError(lookup, HttpStatusCode.NotFound, "XDM-1017-404", id);
        await AssertXdmError(again, HttpStatusCode.NotFound, "XDM-1017-404", id);
        await OpenApiContract.AssertMatchesAsync(again);
    }

    [Theory]
    [InlineData("https://ns.adobe.com/acme/schemas/0000", "/_acme/loyaltyId", "Email", "xdm:sourceSchema")]
    [InlineData("SCHEMA", "/_acme/nothing", "Email", "/_acme/nothing")]
    [InlineData("SCHEMA", "/properties/_acme/properties/loyaltyId", "Email", "'properties'")]
    [InlineData("SCHEMA", "/_acme/loyaltyId", "CRMID", "CRMID")]
    public async Task Create_UnknownSchemaPropertyOrNamespace_Returns400AndStoresNothing(string schemaRef, string path, string ns, string mentions)
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, Identity(schemaRef.Replace("SCHEMA", schema, StringComparison.Ordinal), path, ns));

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1531-400", mentions);
        await OpenApiContract.AssertMatchesAsync(response);
        await AssertNoDescriptors(TestClients.OrgA, sandbox);
    }

    [Fact]
    public async Task Create_SecondPrimaryIdentity_Returns400NamingTheFirst()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var first = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email", primary: true));

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, Identity(schema, "/personalEmail/address", "Email", primary: true));

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1532-400", first);
    }

    [Fact]
    public async Task Create_ConcurrentPrimaryIdentities_OnlyOneWins()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var paths = new[] { "/_acme/loyaltyId", "/personalEmail/address", "/mobilePhone/number", "/homePhone/number" };

        // Act
        var responses = await Task.WhenAll(paths.Select(p => Post(TestClients.OrgA, sandbox, Identity(schema, p, "Email", primary: true))));

        // Assert
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("{\"@type\":", "Malformed JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("\"text\"", "JSON object")]
    [InlineData("{}", "'@type' is required")]
    [InlineData("{\"@type\":\"xdm:descriptorIdentity\",\"xdm:sourceSchema\":{\"$ref\":\"x\"}}", "'xdm:sourceSchema'")]
    [InlineData("{\"@type\":\"<script>alert(1)</script>\"}", "not a descriptor type")]
    [InlineData("{\"@type\":\"xdm:descriptorIdentity\",\"xdm:sourceSchema\":\"'; DROP TABLE xdm_descriptors; --\",\"xdm:sourceProperty\":\"/a\"}", "xdm:sourceSchema")]
    public async Task Create_MalformedOrHostileBody_Returns400AndStoresNothing(string json, string mentions)
    {
        // Arrange
        var sandbox = await NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, Descriptors, TestClients.OrgA, sandbox, json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, body["status"]!.GetValue<int>());
        await AssertNoDescriptors(TestClients.OrgA, sandbox);
    }

    [Fact]
    public async Task Create_WithoutJsonContentType_IsRefused()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        using var request = await _client.RequestAsync(HttpMethod.Post, Descriptors, TestClients.OrgA, sandbox);
        request.Content = new StringContent(Identity(schema, "/_acme/loyaltyId", "Email").ToJsonString(), System.Text.Encoding.UTF8, "text/plain");

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertNoDescriptors(TestClients.OrgA, sandbox);
    }

    [Fact]
    public async Task WritesToGlobal_AreNotAllowed_AndGlobalListsNone()
    {
        // Act
        using var post = await _client.SendAsync(HttpMethod.Post, $"{Base}/global/descriptors", TestClients.OrgA, json: "{}");
        using var list = await Get(TestClients.OrgA, "prod", $"{Base}/global/descriptors", XdmIds);
        using var lookup = await Get(TestClients.OrgA, "prod", $"{Base}/global/descriptors/f3a1dfa38a4871cf4442a33074c1f9406a593407", null);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
        await AssertXdmError(lookup, HttpStatusCode.NotFound, "XDM-1017-404", "tenant container");
    }

    [Fact]
    public async Task DeleteSchema_DeletesItsDescriptorsAndRelationshipsToIt()
    {
        // Arrange
        var (sandbox, doomed) = await SandboxWithSchema(TestClients.OrgA);
        var kept = await CreateSchema(TestClients.OrgA, sandbox, "Kept members");
        var onDoomed = await CreateId(TestClients.OrgA, sandbox, Identity(doomed, "/_acme/loyaltyId", "Email", primary: true));
        var onKept = await CreateId(TestClients.OrgA, sandbox, Identity(kept, "/_acme/loyaltyId", "Email", primary: true));
        var toDoomed = await CreateId(TestClients.OrgA, sandbox, new JsonObject
        {
            ["@type"] = "xdm:descriptorOneToOne",
            ["xdm:sourceSchema"] = kept,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/_acme/loyaltyId",
            ["xdm:destinationSchema"] = doomed,
            ["xdm:destinationVersion"] = 1,
        });

        // Act
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{Base}/tenant/schemas/{Uri.EscapeDataString(doomed)}", TestClients.OrgA, sandbox);
        using var list = await Get(TestClients.OrgA, sandbox, Descriptors, XdmIds);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var ids = (await AepClient.JsonAsync(list)).AsObject().SelectMany(p => p.Value!.AsArray().Select(i => i!.GetValue<string>())).ToList();
        Assert.Equal([onKept], ids);
        foreach (var gone in new[] { onDoomed, toDoomed })
        {
            using var lookup = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{gone}", null);
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }
    }

    [Fact]
    public async Task Descriptors_AreInvisibleToOtherSandboxesAndOrgs()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var otherSandbox = await NewSandbox(TestClients.OrgA);
        var id = await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email"));

        // Act
        using var sameSandbox = await Get(TestClients.OrgA2, sandbox, $"{Descriptors}/{id}", null);
        using var inOtherSandbox = await Get(TestClients.OrgA, otherSandbox, $"{Descriptors}/{id}", null);
        using var inOtherOrg = await Get(TestClients.OrgB, "prod", $"{Descriptors}/{id}", null);
        using var listOtherOrg = await Get(TestClients.OrgB, "prod", Descriptors, XdmIds);
        using var putFromOtherOrg = await _client.SendAsync(HttpMethod.Put, $"{Descriptors}/{id}", TestClients.OrgB, "prod", Identity(schema, "/_acme/loyaltyId", "Phone").ToJsonString());
        using var deleteFromOtherSandbox = await _client.SendAsync(HttpMethod.Delete, $"{Descriptors}/{id}", TestClients.OrgA, otherSandbox);
        using var stillThere = await Get(TestClients.OrgA, sandbox, $"{Descriptors}/{id}", null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, sameSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inOtherSandbox.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inOtherOrg.StatusCode);
        Assert.DoesNotContain(id, await listOtherOrg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, putFromOtherOrg.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteFromOtherSandbox.StatusCode);
        Assert.Equal("Email", (await AepClient.JsonAsync(stillThere))["xdm:namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_SchemaOfAnotherSandbox_IsUnknownHere()
    {
        // Arrange
        var (_, schemaElsewhere) = await SandboxWithSchema(TestClients.OrgA);
        var (sandbox, _) = await SandboxWithSchema(TestClients.OrgA);

        // Act
        using var response = await Post(TestClients.OrgA, sandbox, Identity(schemaElsewhere, "/_acme/loyaltyId", "Email"));

        // Assert
        await AssertXdmError(response, HttpStatusCode.BadRequest, "XDM-1531-400", schemaElsewhere);
    }

    [Fact]
    public async Task SandboxReset_WipesItsDescriptors()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        var (keep, keptSchema) = await SandboxWithSchema(TestClients.OrgA);
        await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email"));
        var kept = await CreateId(TestClients.OrgA, keep, Identity(keptSchema, "/_acme/loyaltyId", "Email"));

        // Act
        using var reset = await _client.SendAsync(HttpMethod.Put, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA, json: new { action = "reset" });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        await AssertNoDescriptors(TestClients.OrgA, sandbox);
        using var keptList = await Get(TestClients.OrgA, keep, Descriptors, XdmIds);
        Assert.Contains(kept, await keptList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxDelete_WipesItsDescriptorsFromTheStore()
    {
        // Arrange
        var (sandbox, schema) = await SandboxWithSchema(TestClients.OrgA);
        await CreateId(TestClients.OrgA, sandbox, Identity(schema, "/_acme/loyaltyId", "Email"));
        Assert.Equal(1, await StoredDescriptors(new TenantKey(TestClients.OrgA.ImsOrg, sandbox)));

        // Act
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(0, await StoredDescriptors(new TenantKey(TestClients.OrgA.ImsOrg, sandbox)));
    }

    [Fact]
    public void Model_DescriptorTable_IsWipedWithItsSandbox()
    {
        // Arrange
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        // Act
        var wiped = TenantDataEraser.TenantOwnedTypes(db.Model).Select(t => t.GetTableName()).ToList();

        // Assert
        Assert.Contains("xdm_descriptors", wiped);
    }

    private async Task<int> StoredDescriptors(TenantKey tenant)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(tenant);
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<XdmDescriptor>().CountAsync();
    }

    private async Task AssertNoDescriptors(TestClient client, string sandbox)
    {
        using var list = await Get(client, sandbox, Descriptors, XdmIds);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await AepClient.JsonAsync(list)).AsObject());
    }

    private async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("ds");
        using var response = await _client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    private async Task<(string Sandbox, string Schema)> SandboxWithSchema(TestClient client)
    {
        var sandbox = await NewSandbox(client);
        return (sandbox, await CreateSchema(client, sandbox, "Loyalty members"));
    }

    /// <summary>A profile schema with <c>_acme.loyaltyId</c> (string), <c>_acme.points</c> (integer) and the personal contact details.</summary>
    private async Task<string> CreateSchema(TestClient client, string sandbox, string title)
    {
        using var fieldGroup = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/fieldgroups", client, sandbox, new JsonObject
        {
            ["title"] = title + " FG",
            ["type"] = "object",
            ["meta:intendedToExtend"] = new JsonArray(Profile),
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
                                ["points"] = new JsonObject { ["type"] = "integer" },
                            },
                        },
                    },
                },
            },
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/loyalty" }),
        }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, fieldGroup.StatusCode);
        var fieldGroupId = (await AepClient.JsonAsync(fieldGroup))["$id"]!.GetValue<string>();
        using var schema = await _client.SendAsync(HttpMethod.Post, $"{Base}/tenant/schemas", client, sandbox, new JsonObject
        {
            ["title"] = title,
            ["type"] = "object",
            ["allOf"] = new JsonArray(
                new JsonObject { ["$ref"] = Profile },
                new JsonObject { ["$ref"] = fieldGroupId },
                new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile-personal-details" }),
        }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, schema.StatusCode);
        return (await AepClient.JsonAsync(schema))["$id"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> Post(TestClient client, string sandbox, JsonObject body) =>
        _client.SendAsync(HttpMethod.Post, Descriptors, client, sandbox, body.ToJsonString());

    private async Task<string> CreateId(TestClient client, string sandbox, JsonObject body)
    {
        using var response = await Post(client, sandbox, body);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"descriptor not created: {raw}");
        return JsonNode.Parse(raw)!["@id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> Get(TestClient client, string sandbox, string path, string? accept)
    {
        using var request = await _client.RequestAsync(HttpMethod.Get, path, client, sandbox);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.Http.SendAsync(request);
    }

    private static JsonObject Identity(string schema, string path, string ns, bool primary = false) => new()
    {
        ["@type"] = "xdm:descriptorIdentity",
        ["xdm:sourceSchema"] = schema,
        ["xdm:sourceVersion"] = 1,
        ["xdm:sourceProperty"] = path,
        ["xdm:namespace"] = ns,
        ["xdm:property"] = "xdm:code",
        ["xdm:isPrimary"] = primary,
    };

    private static JsonObject FriendlyName(string schema, string path) => new()
    {
        ["@type"] = "xdm:alternateDisplayInfo",
        ["xdm:sourceSchema"] = schema,
        ["xdm:sourceVersion"] = 1,
        ["xdm:sourceProperty"] = path,
        ["xdm:title"] = new JsonObject { ["en_us"] = "Points" },
        ["xdm:description"] = new JsonObject { ["en_us"] = "Loyalty points balance" },
    };

    private static async Task AssertXdmError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal($"http://ns.adobe.com/aep/errors/{code}", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(body["detail"]!.GetValue<string>(), body["report"]!["detailed-message"]!.GetValue<string>());
    }
}

public sealed class DescriptorsApiTestsPostgres(PostgresPlatform fixture) : DescriptorsApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class DescriptorsApiTestsSqlite(SqlitePlatform fixture) : DescriptorsApiTests(fixture), IClassFixture<SqlitePlatform>;
