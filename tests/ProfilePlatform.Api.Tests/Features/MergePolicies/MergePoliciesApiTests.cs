using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.MergePolicies;

/// <summary>Merge policies through HTTP (profile.yaml <c>/ups/config/mergePolicies</c>, help/profile/api/merge-policies.md):
/// the sandbox's default policy, shapes of create/lookup/bulk lookup/PUT/PATCH/DELETE, list filters and paging, and
/// refused input.</summary>
public abstract class MergePoliciesApiTests(PlatformFixture fixture)
{
    private const string Base = MergePolicyApi.Base;
    private readonly MergePolicyApi _api = new(fixture);

    [Fact]
    public async Task List_NewSandbox_HoldsTheSystemDefaultPolicy()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Get(Base, TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["_page", "children", "_links"], body.Select(p => p.Key));
        Assert.Equal("""{"totalCount":1,"pageSize":1,"count":1}""", body["_page"]!.ToJsonString());
        Assert.Equal("""{"next":{"href":""}}""", body["_links"]!.ToJsonString());
        var policy = Assert.Single(body["children"]!.AsArray())!.AsObject();
        Assert.Equal(["id", "name", "imsOrgId", "sandbox", "schema", "version", "identityGraph", "attributeMerge", "isActiveOnEdge", "default", "updateEpoch"], policy.Select(p => p.Key));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", policy["id"]!.GetValue<string>());
        Assert.Equal("Profile Default Merge Policy", policy["name"]!.GetValue<string>());
        Assert.Equal("""{"type":"none"}""", policy["identityGraph"]!.ToJsonString()); // the API docs' default policy
        Assert.Equal("""{"type":"timestampOrdered"}""", policy["attributeMerge"]!.ToJsonString());
        Assert.True(policy["default"]!.GetValue<bool>());
        Assert.Equal(TestClients.OrgA.ImsOrg, policy["imsOrgId"]!.GetValue<string>());
        Assert.Equal(sandbox, policy["sandbox"]!["sandboxName"]!.GetValue<string>());
        Assert.Equal("development", policy["sandbox"]!["type"]!.GetValue<string>());
        Assert.False(policy["sandbox"]!["default"]!.GetValue<bool>());
        Assert.True(Guid.TryParse(policy["sandbox"]!["sandboxId"]!.GetValue<string>(), out _));
        Assert.Equal("""{"name":"_xdm.context.profile"}""", policy["schema"]!.ToJsonString());
        Assert.Equal("""{"type":"timestampOrdered"}""", policy["attributeMerge"]!.ToJsonString());
        Assert.Equal(1, policy["version"]!.GetValue<int>());
        Assert.True(policy["default"]!.GetValue<bool>());
        Assert.False(policy["isActiveOnEdge"]!.GetValue<bool>());
        Assert.InRange(policy["updateEpoch"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task FirstUse_ConcurrentCalls_ProvisionOneDefaultOnly()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.Client.TokenAsync(TestClients.OrgA);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _api.Get(Base, TestClients.OrgA, sandbox)));

        // Assert
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var ids = await Task.WhenAll(responses.Select(async r => (await AepClient.JsonAsync(r))["children"]![0]!["id"]!.GetValue<string>()));
            Assert.Single(ids.Distinct());
            Assert.Equal(1, (await _api.List(TestClients.OrgA, sandbox))["_page"]!["totalCount"]!.GetValue<int>());
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task Create_DocumentedDatasetPrecedenceDefault_Returns200AndClearsThePreviousDefault()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var systemDefault = (await _api.List(TestClients.OrgA, sandbox))["children"]![0]!["id"]!.GetValue<string>();
        var datasets = await _api.NewDatasets(TestClients.OrgA, sandbox, 2);

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, $$"""
            {"name":"Loyalty members ordered by ID","identityGraph":{"type":"none"},
             "attributeMerge":{"type":"dataSetPrecedence","order":["{{datasets[1]}}","{{datasets[0]}}"]},
             "schema":{"name":"_xdm.context.profile"},"isActiveOnEdge":true,"default":true}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var created = await AepClient.JsonAsync(response);
        Assert.Equal("Loyalty members ordered by ID", created["name"]!.GetValue<string>());
        Assert.Equal($$"""{"type":"dataSetPrecedence","order":["{{datasets[1]}}","{{datasets[0]}}"]}""", created["attributeMerge"]!.ToJsonString());
        Assert.Equal("none", created["identityGraph"]!["type"]!.GetValue<string>());
        Assert.True(created["default"]!.GetValue<bool>());
        Assert.True(created["isActiveOnEdge"]!.GetValue<bool>());
        Assert.Equal(1, created["version"]!.GetValue<int>());
        var previous = await _api.GetPolicy(TestClients.OrgA, sandbox, systemDefault);
        Assert.False(previous["default"]!.GetValue<bool>());
        Assert.Equal(2, previous["version"]!.GetValue<int>());
        Assert.Equal([created["id"]!.GetValue<string>()], await _api.Defaults(TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task Create_MinimalBody_DefaultsToNotDefaultNotOnEdgeAndNoName_AndGetReturnsIt()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        var created = await _api.NewPolicy(TestClients.OrgA, sandbox, """{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""");
        using var get = await _api.Get($"{Base}/{created["id"]}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Null(created["name"]);
        Assert.False(created["default"]!.GetValue<bool>());
        Assert.False(created["isActiveOnEdge"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await OpenApiContract.AssertMatchesAsync(get);
        Assert.Equal(created.ToJsonString(), (await AepClient.JsonAsync(get)).ToJsonString());
        Assert.Single(await _api.Defaults(TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task Create_ForATenantRecordClass_IsAccepted_TimeSeriesAndUnknownClassesAreNot()
    {
        // Arrange: a record class of the sandbox, through the Schema Registry
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        using var cls = await _api.Send(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/classes", TestClients.OrgA, sandbox, """
            {"title":"Property TITLE","type":"object","description":"Stores",
             "definitions":{"property":{"properties":{"_acme":{"type":"object","properties":{"storeId":{"type":"string"}}}}}},
             "allOf":[{"$ref":"https://ns.adobe.com/xdm/data/record"},{"$ref":"#/definitions/property"}]}
            """.Replace("TITLE", Guid.NewGuid().ToString("N"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, cls.StatusCode);
        var classAltId = (await AepClient.JsonAsync(cls))["meta:altId"]!.GetValue<string>();

        // Act
        var created = await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(schema: classAltId, isDefault: true));
        using var experienceEvent = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(schema: "_xdm.context.experienceevent"));
        using var unknown = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(schema: "_acme.classes.0123456789abcdef"));
        using var fullId = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(schema: "https://ns.adobe.com/xdm/context/profile"));

        // Assert: a default for the custom class leaves the profile class's default alone
        Assert.Equal(classAltId, created["schema"]!["name"]!.GetValue<string>());
        Assert.Equal(2, (await _api.Defaults(TestClients.OrgA, sandbox)).Count);
        await OpenApiContract.AssertMatchesAsync(experienceEvent);
        await MergePolicyApi.AssertError(experienceEvent, HttpStatusCode.BadRequest, "UPS-1001-400", "_xdm.context.experienceevent");
        await MergePolicyApi.AssertError(unknown, HttpStatusCode.BadRequest, "UPS-1001-400", "_acme.classes.0123456789abcdef");
        await MergePolicyApi.AssertError(fullId, HttpStatusCode.BadRequest, "UPS-1001-400", "meta:altId");
    }

    [Fact]
    public async Task Create_DatasetPrecedenceWithUnknownDataset_Returns400NamingItAndKeepsNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var other = await _api.NewSandbox(TestClients.OrgA);
        var known = await _api.NewDatasets(TestClients.OrgA, sandbox, 1);
        var elsewhere = await _api.NewDatasets(TestClients.OrgA, other, 1);

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox,
            MergePolicyApi.Body(attributeMerge: "dataSetPrecedence", order: [known[0], "5b76f86b85d0e00000be5c8b", elsewhere[0]]));

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await MergePolicyApi.AssertError(response, HttpStatusCode.BadRequest, "UPS-1002-400", $"5b76f86b85d0e00000be5c8b, {elsewhere[0]}");
        Assert.Equal(1, (await _api.List(TestClients.OrgA, sandbox))["_page"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"attributeMerge":{"type":"timestampOrdered"}}""", "identityGraph is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"}}""", "attributeMerge is required")]
    [InlineData("""{"schema":"_xdm.context.profile","identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema is required")]
    [InlineData("""{"schema":{},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "schema.name must be a non-empty string")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"PDG"},"attributeMerge":{"type":"timestampOrdered"}}""", "identityGraph.type must be one of none, pdg, not 'PDG'")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"newest"}}""", "attributeMerge.type must be one of timestampOrdered, dataSetPrecedence, not 'newest'")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence"}}""", "attributeMerge.order is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence","order":[]}}""", "attributeMerge.order is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence","order":"a"}}""", "attributeMerge.order is required")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence","order":["a",7]}}""", "attributeMerge.order[1] is not one")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"dataSetPrecedence","order":["a","a"]}}""", "more than once")]
    [InlineData("""{"name":7,"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "name must be a string")]
    [InlineData("""{"name":" ","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "name is blank")]
    [InlineData("""{"name":"a\u0000b","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "NUL")]
    [InlineData("""{"name":"\udc00","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "surrogate")]
    [InlineData("""{"default":"yes","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "default must be true or false")]
    [InlineData("""{"isActiveOnEdge":1,"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "isActiveOnEdge must be true or false")]
    [InlineData("""{"schema":{"name":"_xdm.context.profile","name":"x"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""", "twice")]
    [InlineData("""[{"schema":{"name":"_xdm.context.profile"}}]""", "JSON object")]
    [InlineData("null", "JSON object")]
    public async Task Create_InvalidBody_Returns400NamingTheFieldAndKeepsNothing(string body, string mentions)
    {
        // Arrange: the production sandbox, which no test of this class writes policies to
        var before = (await _api.List(TestClients.OrgA, "prod")).ToJsonString();

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, "prod", body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await MergePolicyApi.AssertError(response, HttpStatusCode.BadRequest, "UPS-1000-400", mentions);
        Assert.Equal(before, (await _api.List(TestClients.OrgA, "prod")).ToJsonString());
    }

    [Fact]
    public async Task Create_TimestampOrderedWithAnOrder_DropsTheOrder()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act: the order only means something for dataSetPrecedence (MergePolicyDraft drops it, as the domain documents)
        var created = await _api.NewPolicy(TestClients.OrgA, sandbox, """{"schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered","order":["a"]}}""");

        // Assert
        Assert.Equal("""{"type":"timestampOrdered"}""", created["attributeMerge"]!.ToJsonString());
        Assert.Equal(created.ToJsonString(), (await _api.GetPolicy(TestClients.OrgA, sandbox, created["id"]!.GetValue<string>())).ToJsonString());
    }

    [Fact]
    public async Task Create_TooManyDatasetsOrOverlongName_Returns400()
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var order = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox,
            MergePolicyApi.Body(attributeMerge: "dataSetPrecedence", order: [.. Enumerable.Range(0, 51).Select(i => $"ds{i}")]));
        using var name = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(name: new string('n', 257)));

        // Assert
        await MergePolicyApi.AssertError(order, HttpStatusCode.BadRequest, "UPS-1000-400", "at most 50");
        await MergePolicyApi.AssertError(name, HttpStatusCode.BadRequest, "UPS-1000-400", "at most 256");
    }

    [Theory]
    [InlineData("{\"schema\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"schema\":", "text/plain", HttpStatusCode.BadRequest)]
    [InlineData("{}", null, HttpStatusCode.BadRequest)]
    [InlineData("{}", "text/xml", HttpStatusCode.UnsupportedMediaType)]
    public async Task Create_MalformedJsonOrContentType_AnswersInProfilesErrorShape(string body, string? contentType, HttpStatusCode status)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, body, contentType);

        // Assert
        Assert.Equal(status, response.StatusCode);
        var error = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["message", "cause", "statusCode"], error.Select(p => p.Key));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error["statusCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_BodySentAsTextPlain_IsReadAsJson()
    {
        // Arrange: Adobe's Postman collection sends merge policy bodies without a Content-Type (Postman: text/plain)
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Plain"), "text/plain");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal("Plain", (await AepClient.JsonAsync(response))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("3c2a7c1e-0d5e-4f55-9b44-0000deadbeef")]
    [InlineData("not-a-policy")]
    [InlineData("%3Cscript%3E")]
    public async Task Get_Unknown_Returns404(string id)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await MergePolicyApi.AssertError(response, HttpStatusCode.NotFound, "UPS-1008-404", "was not found");
    }

    [Fact]
    public async Task BulkGet_KnownAndUnknownIds_Returns207WithTheKnownOnesKeyedById()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var first = (await _api.List(TestClients.OrgA, sandbox))["children"]![0]!["id"]!.GetValue<string>();
        var second = (await _api.NewPolicy(TestClients.OrgA, sandbox))["id"]!.GetValue<string>();

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/bulk-get", TestClients.OrgA, sandbox,
            $$"""{"ids":[{"id":"{{first}}"},{"id":"42d4a596-b1c6-46c0-994e-ca5ef1f85130"},{"id":"{{second}}"},{"id":"{{first}}"}]}""");

        // Assert
        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var results = (await AepClient.JsonAsync(response))["results"]!.AsObject();
        Assert.Equal([first, second], results.Select(r => r.Key));
        Assert.Equal((await _api.GetPolicy(TestClients.OrgA, sandbox, second)).ToJsonString(), results[second]!.ToJsonString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"ids":[]}""")]
    [InlineData("""{"ids":["abc"]}""")]
    [InlineData("""{"ids":[{"id":5}]}""")]
    [InlineData("""{"ids":[{"id":""}]}""")]
    [InlineData("""{"ids":{"id":"abc"}}""")]
    [InlineData("[]")]
    public async Task BulkGet_InvalidBody_Returns400(string body)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Send(HttpMethod.Post, $"{Base}/bulk-get", TestClients.OrgA, sandbox, body);

        // Assert
        await MergePolicyApi.AssertError(response, HttpStatusCode.BadRequest, "UPS-1000-400", "ids");
    }

    [Fact]
    public async Task Put_DocumentedFullBody_ReplacesAndCountsAVersion()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var datasets = await _api.NewDatasets(TestClients.OrgA, sandbox, 2);
        var created = await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Before", identityGraph: "pdg", isDefault: false));
        var id = created["id"]!.GetValue<string>();

        // Act: the docs' PUT body, read-only fields included
        using var response = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, $$"""
            {"name":"Loyalty members ordered by ID","imsOrgId":"{IMS_ORG}","schema":{"name":"_xdm.context.profile"},"version":1,
             "identityGraph":{"type":"none"},"attributeMerge":{"type":"dataSetPrecedence","order":["{{datasets[0]}}","{{datasets[1]}}"]},
             "isActiveOnEdge":false,"default":true,"updateEpoch":1551898378}
            """);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var replaced = await AepClient.JsonAsync(response);
        Assert.Equal(id, replaced["id"]!.GetValue<string>());
        Assert.Equal("Loyalty members ordered by ID", replaced["name"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, replaced["imsOrgId"]!.GetValue<string>());
        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal("none", replaced["identityGraph"]!["type"]!.GetValue<string>());
        Assert.True(replaced["updateEpoch"]!.GetValue<long>() > 1551898378);
        Assert.Equal([id], await _api.Defaults(TestClients.OrgA, sandbox));
        Assert.Equal(replaced.ToJsonString(), (await _api.GetPolicy(TestClients.OrgA, sandbox, id)).ToJsonString());
    }

    [Fact]
    public async Task Put_Errors_UnknownIdOtherIdAndInvalidBody()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Kept")))["id"]!.GetValue<string>();

        // Act
        using var unknown = await _api.Send(HttpMethod.Put, $"{Base}/3c2a7c1e-0d5e-4f55-9b44-0000deadbeef", TestClients.OrgA, sandbox, MergePolicyApi.Body());
        using var otherId = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"id":"other","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}""");
        using var invalid = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"name":"Changed","schema":{"name":"_xdm.context.profile"}}""");

        // Assert
        await MergePolicyApi.AssertError(unknown, HttpStatusCode.NotFound, "UPS-1008-404", "3c2a7c1e");
        await OpenApiContract.AssertMatchesAsync(otherId);
        await MergePolicyApi.AssertError(otherId, HttpStatusCode.BadRequest, "UPS-1000-400", "'id' must be the id in the path");
        await MergePolicyApi.AssertError(invalid, HttpStatusCode.BadRequest, "UPS-1000-400", "identityGraph is required");
        var kept = await _api.GetPolicy(TestClients.OrgA, sandbox, id);
        Assert.Equal("Kept", kept["name"]!.GetValue<string>());
        Assert.Equal(1, kept["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Patch_DocumentedSingleOperation_MakesItTheDefault()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox))["id"]!.GetValue<string>();

        // Act
        using var response = await _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"op":"add","path":"/default","value":"true"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var patched = await AepClient.JsonAsync(response);
        Assert.True(patched["default"]!.GetValue<bool>());
        Assert.Equal(2, patched["version"]!.GetValue<int>());
        Assert.Equal([id], await _api.Defaults(TestClients.OrgA, sandbox));
    }

    [Fact]
    public async Task Patch_ArrayOfOperations_AppliesThemInOrderAsOneVersion()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var datasets = await _api.NewDatasets(TestClients.OrgA, sandbox, 1);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Before")))["id"]!.GetValue<string>();

        // Act
        using var response = await _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, sandbox, $$"""
            [{"op":"add","path":"/name","value":"After"},
             {"op":"replace","path":"/identityGraph.type","value":"none"},
             {"op":"add","path":"/attributeMerge/order","value":["{{datasets[0]}}"]},
             {"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"},
             {"op":"add","path":"/version","value":"7"},
             {"op":"add","path":"/idActiveOnEdge","value":false}]
            """, "application/json-patch+json");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var patched = await AepClient.JsonAsync(response);
        Assert.Equal("After", patched["name"]!.GetValue<string>());
        Assert.Equal("none", patched["identityGraph"]!["type"]!.GetValue<string>());
        Assert.Equal($$"""{"type":"dataSetPrecedence","order":["{{datasets[0]}}"]}""", patched["attributeMerge"]!.ToJsonString());
        Assert.Equal(2, patched["version"]!.GetValue<int>());

        // Back to timestampOrdered drops the order
        using var back = await _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"op":"add","path":"/attributeMerge.type","value":"timestampOrdered"}""");
        Assert.Equal("""{"type":"timestampOrdered"}""", (await AepClient.JsonAsync(back))["attributeMerge"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"remove","path":"/name"}""", "UPS-1007-400", "op must be")]
    [InlineData("""{"op":"add","path":"/id","value":"x"}""", "UPS-1007-400", "cannot be patched")]
    [InlineData("""{"op":"add","path":"/imsOrgId","value":"x"}""", "UPS-1007-400", "cannot be patched")]
    [InlineData("""{"op":"add","path":"/default"}""", "UPS-1007-400", "value is required")]
    [InlineData("""{"op":"add","value":true}""", "UPS-1007-400", "path is required")]
    [InlineData("""{"op":"add","path":"/default","value":"maybe"}""", "UPS-1000-400", "default must be true or false")]
    [InlineData("""{"op":"add","path":"/identityGraph","value":"pdg"}""", "UPS-1000-400", "identityGraph is required")]
    [InlineData("""{"op":"add","path":"/identityGraph.type","value":"graph"}""", "UPS-1000-400", "'graph'")]
    [InlineData("""{"op":"add","path":"/attributeMerge.type","value":"dataSetPrecedence"}""", "UPS-1000-400", "attributeMerge.order is required")]
    [InlineData("""[]""", "UPS-1007-400", "empty array")]
    [InlineData("""[{"op":"add","path":"/name","value":"ok"},7]""", "UPS-1007-400", "each operation must be an object")]
    [InlineData("\"text\"", "UPS-1007-400", "must be an operation")]
    public async Task Patch_Invalid_Returns400AndChangesNothing(string body, string code, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Kept")))["id"]!.GetValue<string>();

        // Act
        using var response = await _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, sandbox, body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await MergePolicyApi.AssertError(response, HttpStatusCode.BadRequest, code, mentions);
        var kept = await _api.GetPolicy(TestClients.OrgA, sandbox, id);
        Assert.Equal(1, kept["version"]!.GetValue<int>());
        Assert.Equal("Kept", kept["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Returns200EmptyThenGetIs404()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox))["id"]!.GetValue<string>();

        // Act
        using var deleted = await _api.Send(HttpMethod.Delete, $"{Base}/{id}", TestClients.OrgA, sandbox);
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        using var again = await _api.Send(HttpMethod.Delete, $"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("", await deleted.Content.ReadAsStringAsync());
        await OpenApiContract.AssertMatchesAsync(deleted);
        await OpenApiContract.AssertMatchesAsync(get);
        await MergePolicyApi.AssertError(get, HttpStatusCode.NotFound, "UPS-1008-404", id);
        await OpenApiContract.AssertMatchesAsync(again);
        await MergePolicyApi.AssertError(again, HttpStatusCode.NotFound, "UPS-1008-404", id);
    }

    [Fact]
    public async Task List_FiltersOrderAndPagingFollowTheNextLink()
    {
        // Arrange: the system default plus three
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var datasets = await _api.NewDatasets(TestClients.OrgA, sandbox, 1);
        await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Alpha", identityGraph: "none"));
        await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Bravo", attributeMerge: "dataSetPrecedence", order: datasets, onEdge: true));
        await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Charlie"));

        // Act
        using var first = await _api.Get($"{Base}?limit=2", TestClients.OrgA, sandbox);
        var firstPage = await AepClient.JsonAsync(first);
        var href = firstPage["_links"]!["next"]!["href"]!.GetValue<string>();
        var second = await _api.List(TestClients.OrgA, sandbox, href["@/mergePolicies".Length..]);

        // Assert
        await OpenApiContract.AssertMatchesAsync(first);
        Assert.Equal("""{"totalCount":4,"pageSize":2,"count":2,"next":"2"}""", firstPage["_page"]!.ToJsonString());
        Assert.Equal("@/mergePolicies?start=2&orderBy=&limit=2", href);
        Assert.Equal(["Alpha", "Bravo"], Names(firstPage));
        Assert.Equal(["Charlie", "Profile Default Merge Policy"], Names(second));
        Assert.Equal("", second["_links"]!["next"]!["href"]!.GetValue<string>());
        Assert.Equal(["Profile Default Merge Policy", "Charlie", "Bravo", "Alpha"], Names(await _api.List(TestClients.OrgA, sandbox, "?orderBy=-name")));
        Assert.Equal(["Alpha", "Bravo"], Names(await _api.List(TestClients.OrgA, sandbox, "?orderby=%2Bname&limit=2")));
        Assert.Equal(["Alpha", "Bravo"], Names(await _api.List(TestClients.OrgA, sandbox, "?orderBy=+name&limit=2")));
        Assert.Equal(["Profile Default Merge Policy"], Names(await _api.List(TestClients.OrgA, sandbox, "?default=true")));
        Assert.Equal(["Alpha", "Profile Default Merge Policy"], Names(await _api.List(TestClients.OrgA, sandbox, "?identityGraph.type=none")));
        Assert.Equal(["Bravo"], Names(await _api.List(TestClients.OrgA, sandbox, "?attributeMerge.type=dataSetPrecedence")));
        Assert.Equal(["Bravo"], Names(await _api.List(TestClients.OrgA, sandbox, "?isActiveOnEdge=true")));
        Assert.Equal(4, Names(await _api.List(TestClients.OrgA, sandbox, "?schema.name=_xdm.context.profile&version=1")).Count);
        Assert.Empty(Names(await _api.List(TestClients.OrgA, sandbox, "?schema.name=_xdm.context.experienceevent")));
        Assert.Equal(["Charlie", "Profile Default Merge Policy"], Names(await _api.List(TestClients.OrgA, sandbox, "?start=2")));
        var filtered = await _api.List(TestClients.OrgA, sandbox, "?identityGraph.type=pdg&limit=1");
        Assert.Equal("@/mergePolicies?start=1&orderBy=&limit=1&identityGraph.type=pdg", filtered["_links"]!["next"]!["href"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("limit=0", "'limit'")]
    [InlineData("limit=101", "'limit'")]
    [InlineData("limit=abc", "'limit'")]
    [InlineData("start=-1", "'start'")]
    [InlineData("default=maybe", "'default'")]
    [InlineData("isActiveOnEdge=1", "'isActiveOnEdge'")]
    [InlineData("identityGraph.type=graph", "'identityGraph.type'")]
    [InlineData("attributeMerge.type=x", "'attributeMerge.type'")]
    [InlineData("orderBy=created", "'orderBy'")]
    [InlineData("version=0", "'version'")]
    [InlineData("limit=2&limit=3", "more than once")]
    public async Task List_BadQueryParameter_Returns400NamingIt(string query, string mentions)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Get($"{Base}?{query}", TestClients.OrgA, sandbox);

        // Assert
        await MergePolicyApi.AssertError(response, HttpStatusCode.BadRequest, "UPS-1006-400", mentions);
    }

    private static List<string> Names(JsonNode page) => [.. page["children"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())];
}

public sealed class MergePoliciesApiTestsPostgres(PostgresPlatform fixture) : MergePoliciesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class MergePoliciesApiTestsSqlite(SqlitePlatform fixture) : MergePoliciesApiTests(fixture), IClassFixture<SqlitePlatform>;
