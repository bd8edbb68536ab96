using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary>Identity Service namespaces through HTTP (identity-service.yaml <c>/idnamespace/identities</c>,
/// help/identity-service/api/list-namespaces.md, create-custom-namespace.md, features/namespaces.md): standard and
/// custom namespaces, the code/name/idType rules, updates, errors, isolation, concurrency and sandbox reset.</summary>
public abstract class IdentityNamespacesApiTests(PlatformFixture fixture)
{
    private const string Base = IdentityApi.Namespaces;
    private readonly IdentityApi _api = new(fixture);

    [Fact]
    public async Task List_NewSandbox_HasTheStandardNamespacesAsDocumented()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Get(Base, TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var list = (await AepClient.JsonAsync(response)).AsArray();
        Assert.Equal(
            """{"updateTime":1495153678000,"code":"ECID","status":"ACTIVE","description":"ECID Namespace","id":4,"createTime":1495153678000,"idType":"COOKIE","namespaceType":"Standard","name":"ECID","custom":false}""",
            list.Single(n => n!["code"]!.GetValue<string>() == "ECID")!.ToJsonString());
        Assert.Equal(0, list[0]!["id"]!.GetValue<int>());
        Assert.Contains(list, n => n!["code"]!.GetValue<string>() == "Email" && n["id"]!.GetValue<int>() == 6 && n["idType"]!.GetValue<string>() == "EMAIL");
        Assert.All(list, n => Assert.False(n!["custom"]!.GetValue<bool>()));
        Assert.DoesNotContain(list, n => n!["code"]!.GetValue<string>() == "CRMID");
    }

    [Fact]
    public async Task Create_DocumentedBody_Returns200WithTheNewNamespace()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds();

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox,
            """{"name":"Loyalty Member","code":"Loyalty","description":"Loyalty Program Member ID","idType":"Cross_device"}""");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["updateTime", "code", "status", "description", "id", "createTime", "idType", "namespaceType", "name", "custom"], body.Select(p => p.Key));
        Assert.Equal("Loyalty", body["code"]!.GetValue<string>());
        Assert.Equal("Loyalty Member", body["name"]!.GetValue<string>());
        Assert.Equal("Loyalty Program Member ID", body["description"]!.GetValue<string>());
        Assert.Equal("Cross_device", body["idType"]!.GetValue<string>());
        Assert.Equal("ACTIVE", body["status"]!.GetValue<string>());
        Assert.True(body["custom"]!.GetValue<bool>());
        Assert.Equal("Custom", body["namespaceType"]!.GetValue<string>());
        Assert.InRange(body["id"]!.GetValue<int>(), 10_000_000, 99_999_999);
        Assert.InRange(body["createTime"]!.GetValue<long>(), before, DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds());
        Assert.Equal(body["createTime"]!.GetValue<long>(), body["updateTime"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_ThenGetAndList_ShowTheStoredNamespaceInTheSpecsSpelling()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var created = await _api.NewNamespace(TestClients.OrgA, sandbox, "CRMID", "CRM ID", idType: "cross_DEVICE");
        var id = created["id"]!.GetValue<int>();

        // Act
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        using var list = await _api.Get(Base, TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await OpenApiContract.AssertMatchesAsync(get);
        await OpenApiContract.AssertMatchesAsync(list);
        var one = await AepClient.JsonAsync(get);
        Assert.Equal("Cross_device", one["idType"]!.GetValue<string>());
        Assert.Equal("Cross_device", created["idType"]!.GetValue<string>());
        Assert.Equal("CRMID", one["code"]!.GetValue<string>());
        Assert.Equal("", one["description"]!.GetValue<string>());
        Assert.Equal(created["createTime"]!.GetValue<long>(), one["createTime"]!.GetValue<long>());
        var all = (await AepClient.JsonAsync(list)).AsArray();
        Assert.Equal(id, all[^1]!["id"]!.GetValue<int>());
        Assert.True(all[^1]!["custom"]!.GetValue<bool>());
        Assert.Single(all, n => n!["custom"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("COOKIE", "Cookie")]
    [InlineData("DEVICE", "Device")]
    [InlineData("email", "Email")]
    [InlineData("Mobile", "Mobile")]
    [InlineData("NON_PEOPLE", "Non_people")]
    [InlineData("phone", "Phone")]
    public async Task Create_EveryIdentityTypeOfTheSpec_IsAcceptedIgnoringCase(string sent, string answered)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body("Type " + sent, "Type" + sent.Replace("_", "", StringComparison.Ordinal), sent));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var id = (await AepClient.JsonAsync(response))["id"]!.GetValue<int>();
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        await OpenApiContract.AssertMatchesAsync(get);
        Assert.Equal(answered, (await AepClient.JsonAsync(get))["idType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_PartnerType_IsAccepted()
    {
        // Arrange: "Partner ID" is an identity type of help/identity-service/features/namespaces.md; the spec's enum lacks it
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        var created = await _api.NewNamespace(TestClients.OrgA, sandbox, "DataPartner", idType: "partner");

        // Assert
        Assert.Equal("Partner", created["idType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Loyalty", "Other name")]
    [InlineData("LOYALTY", "Other name")]
    [InlineData("email", "Other name")]
    [InlineData("ECID", "Other name")]
    public async Task Create_CodeTakenIgnoringCase_Returns409CodeConflict(string code, string name)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member");

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body(name, code));

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.Conflict, "INTEGRATION_CODE_EXISTS", "Namespace code already exists");
        Assert.Equal("NAMESPACE_CODE_CONFLICT", (await AepClient.JsonAsync(response))["title"]!.GetValue<string>());
        Assert.Single(await _api.List(TestClients.OrgA, sandbox), n => n!["custom"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("loyalty member")]
    [InlineData("Email")]
    [InlineData("Apple IDFA (ID for Advertisers)")]
    public async Task Create_DisplayNameTakenIgnoringCase_Returns409(string name)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member");

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body(name, "Fresh"));

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.Conflict, "INTEGRATION_NAME_EXISTS", name);
    }

    [Fact]
    public async Task Create_PropertyNamedTwice_Returns400FromThePlatformsJsonGuard()
    {
        // Act: the platform's JSON body guard answers every endpoint's duplicate properties with its generic 400
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, "prod", """{"name":"L","name":"M","code":"Loyalty","idType":"Cookie"}""");

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.BadRequest, "BadRequestError", "twice");
    }

    [Theory]
    [InlineData("""{"code":"Loyalty","idType":"Cookie"}""", "'name'")]
    [InlineData("""{"name":"  ","code":"Loyalty","idType":"Cookie"}""", "'name'")]
    [InlineData("""{"name":"L","idType":"Cookie"}""", "'code'")]
    [InlineData("""{"name":"L","code":"Loyalty"}""", "'idType'")]
    [InlineData("""{"name":"L","code":"Loyalty_Id","idType":"Cookie"}""", "letters and digits")]
    [InlineData("""{"name":"L","code":"Loyalty Id","idType":"Cookie"}""", "letters and digits")]
    [InlineData("""{"name":"L","code":"Løyalty","idType":"Cookie"}""", "letters and digits")]
    [InlineData("""{"name":"L","code":"a.b","idType":"Cookie"}""", "letters and digits")]
    [InlineData("""{"name":"L","code":"Loyalty","idType":"Human"}""", "valid value of idType")]
    [InlineData("""{"name":"L","code":"Loyalty","idType":7}""", "'idType' must be a string")]
    [InlineData("""{"name":["L"],"code":"Loyalty","idType":"Cookie"}""", "'name' must be a string")]
    [InlineData("""{"name":"L","code":"Loyalty","idType":"Cookie","description":{"x":1}}""", "'description' must be a string")]
    [InlineData("""{"name":"L\u0000x","code":"Loyalty","idType":"Cookie"}""", "NUL")]
    [InlineData("""{"name":"L\ud800x","code":"Loyalty","idType":"Cookie"}""", "surrogate")]
    [InlineData("""[{"name":"L","code":"Loyalty","idType":"Cookie"}]""", "JSON object")]
    [InlineData("null", "JSON object")]
    [InlineData("\"text\"", "JSON object")]
    public async Task Create_InvalidBody_Returns400NamingTheFieldAndKeepsNothing(string body, string mentions)
    {
        // Arrange: the production sandbox, which no test of this class creates namespaces in
        var before = (await _api.List(TestClients.OrgA, "prod")).ToJsonString();

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, "prod", body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", mentions);
        Assert.Equal(before, (await _api.List(TestClients.OrgA, "prod")).ToJsonString());
    }

    [Fact]
    public async Task Create_OverlongFields_Returns400()
    {
        // Arrange
        const string sandbox = "prod";
        var longCode = new string('a', 257);

        // Act
        using var code = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body("L", longCode));
        using var description = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body("L", "Loyalty", description: new string('d', 4097)));

        // Assert
        await IdentityApi.AssertNamespaceError(code, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", "at most 256");
        await IdentityApi.AssertNamespaceError(description, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", "at most 4096");
    }

    [Theory]
    [InlineData("{\"name\":", "application/json")]
    [InlineData("{}", null)]
    [InlineData("{}", "text/plain")]
    public async Task Create_MalformedJsonOrContentType_ReturnsNamespaceValidationError(string body, string? contentType)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, body, contentType);

        // Assert
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"got {(int)response.StatusCode}");
        var error = await AepClient.JsonAsync(response);
        Assert.Equal("http://ns.adobe.com/adobecloud/problem/namespacevalidation", error["type"]!.GetValue<string>());
        Assert.Equal((int)response.StatusCode, error["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(error["description"]!.GetValue<string>()));
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            await OpenApiContract.AssertMatchesAsync(response);
        }
    }

    [Theory]
    [InlineData("99999998")]
    [InlineData("15")]
    [InlineData("abc")]
    [InlineData("-4")]
    [InlineData("4.0")]
    [InlineData("%3Cscript%3E")]
    public async Task Get_Unknown_Returns404NamespaceNotFound(string id)
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.NotFound, "NAMESPACE_NOT_FOUND", "Namespace id not found for given IMS Org " + TestClients.OrgA.ImsOrg);
    }

    [Fact]
    public async Task Get_StandardById_ReturnsIt()
    {
        // Arrange
        const string sandbox = "prod";

        // Act
        using var response = await _api.Get($"{Base}/411", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal(
            """{"updateTime":1522783145000,"code":"AdCloud","status":"ACTIVE","description":"Adobe AdCloud - ID Syncing Partner","id":411,"createTime":1522783145000,"idType":"COOKIE","namespaceType":"Standard","name":"AdCloud","custom":false}""",
            (await AepClient.JsonAsync(response)).ToJsonString());
    }

    [Fact]
    public async Task Update_NameAndDescription_Returns200ArrayAndKeepsCodeAndType()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var created = await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member", idType: "Email");
        var id = created["id"]!.GetValue<int>();
        await Task.Delay(5);

        // Act
        using var response = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox,
            """{"name":"Loyalty Members","code":"loyalty","idType":"EMAIL","description":"Members of the loyalty program"}""");
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var updated = Assert.Single((await AepClient.JsonAsync(response)).AsArray())!;
        Assert.Equal(id, updated["id"]!.GetValue<int>());
        Assert.Equal("Loyalty Members", updated["name"]!.GetValue<string>());
        Assert.Equal("Loyalty", updated["code"]!.GetValue<string>());
        Assert.Equal("Email", updated["idType"]!.GetValue<string>());
        Assert.Equal("Members of the loyalty program", updated["description"]!.GetValue<string>());
        Assert.Equal(created["createTime"]!.GetValue<long>(), updated["createTime"]!.GetValue<long>());
        Assert.True(updated["updateTime"]!.GetValue<long>() > updated["createTime"]!.GetValue<long>());
        Assert.Equal(updated.ToJsonString(), (await AepClient.JsonAsync(get)).ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":"Loyalty Member","code":"Loyalty2","idType":"Cross_device"}""")]
    [InlineData("""{"name":"Loyalty Member","code":"Loyalty","idType":"Cookie"}""")]
    public async Task Update_CodeOrIdType_Returns400NonEditableAndChangesNothing(string body)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member"))["id"]!.GetValue<int>();
        using var before = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);

        // Act
        using var response = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, body);
        using var after = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await IdentityApi.AssertNamespaceError(response, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", "code and idType are non editable fields");
        Assert.Equal(await before.Content.ReadAsStringAsync(), await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Update_Errors_StandardUnknownInvalidAndTakenName()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member"))["id"]!.GetValue<int>();
        await _api.NewNamespace(TestClients.OrgA, sandbox, "CRMID", "CRM ID");

        // Act
        using var standard = await _api.Send(HttpMethod.Put, $"{Base}/6", TestClients.OrgA, sandbox, IdentityApi.Body("Mail", "Email", "Email"));
        using var unknown = await _api.Send(HttpMethod.Put, $"{Base}/12345678", TestClients.OrgA, sandbox, IdentityApi.Body("X", "X"));
        using var invalid = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"name":"Loyalty Member"}""");
        using var taken = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, IdentityApi.Body("crm id", "Loyalty"));
        using var standardName = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, IdentityApi.Body("Phone", "Loyalty"));

        // Assert
        await OpenApiContract.AssertMatchesAsync(standard);
        await IdentityApi.AssertNamespaceError(standard, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", "standard namespace");
        await OpenApiContract.AssertMatchesAsync(unknown);
        await IdentityApi.AssertNamespaceError(unknown, HttpStatusCode.NotFound, "NAMESPACE_NOT_FOUND", "12345678");
        await OpenApiContract.AssertMatchesAsync(invalid);
        await IdentityApi.AssertNamespaceError(invalid, HttpStatusCode.BadRequest, "INVALID_REQUEST_PARAMS", "'code'");
        await IdentityApi.AssertNamespaceError(taken, HttpStatusCode.Conflict, "INTEGRATION_NAME_EXISTS", "crm id");
        await IdentityApi.AssertNamespaceError(standardName, HttpStatusCode.Conflict, "INTEGRATION_NAME_EXISTS", "Phone");
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        Assert.Equal("Loyalty Member", (await AepClient.JsonAsync(get))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_SameNameDifferentCase_IsAllowed()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty", "Loyalty Member"))["id"]!.GetValue<int>();

        // Act
        using var response = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgA, sandbox, IdentityApi.Body("LOYALTY MEMBER", "Loyalty"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("LOYALTY MEMBER", (await AepClient.JsonAsync(response))[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_IsNotSupported_NamespacesCannotBeDeleted()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty"))["id"]!.GetValue<int>();

        // Act
        using var response = await _api.Send(HttpMethod.Delete, $"{Base}/{id}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        using var get = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task Isolation_OtherSandboxAndOtherOrg_SeeNothingAndMayReuseTheCode()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var otherSandbox = await _api.NewSandbox(TestClients.OrgA);
        var orgBSandbox = await _api.NewSandbox(TestClients.OrgB);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "CRMID", "CRM ID"))["id"]!.GetValue<int>();

        // Act
        using var getOtherSandbox = await _api.Get($"{Base}/{id}", TestClients.OrgA, otherSandbox);
        using var getOtherOrg = await _api.Get($"{Base}/{id}", TestClients.OrgB, orgBSandbox);
        using var putOtherOrg = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgB, orgBSandbox, IdentityApi.Body("Stolen", "CRMID"));
        var reused = await _api.NewNamespace(TestClients.OrgA, otherSandbox, "CRMID", "CRM ID");
        var orgB = await _api.NewNamespace(TestClients.OrgB, orgBSandbox, "crmid", "CRM ID");

        // Assert
        await IdentityApi.AssertNamespaceError(getOtherSandbox, HttpStatusCode.NotFound, "NAMESPACE_NOT_FOUND", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await IdentityApi.AssertNamespaceError(getOtherOrg, HttpStatusCode.NotFound, "NAMESPACE_NOT_FOUND", TestClients.OrgB.ImsOrg);
        await IdentityApi.AssertNamespaceError(putOtherOrg, HttpStatusCode.NotFound, "NAMESPACE_NOT_FOUND", TestClients.OrgB.ImsOrg);
        Assert.NotEqual(id, reused["id"]!.GetValue<int>());
        Assert.NotEqual(id, orgB["id"]!.GetValue<int>());
        Assert.Equal([id], (await _api.List(TestClients.OrgA, sandbox)).Where(n => n!["custom"]!.GetValue<bool>()).Select(n => n!["id"]!.GetValue<int>()));
        using var original = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        Assert.Equal("CRM ID", (await AepClient.JsonAsync(original))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_SameCodeConcurrently_ExactlyOneWins()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.Client.TokenAsync(TestClients.OrgA);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, IdentityApi.Body($"Loyalty {i}", "Loyalty"))));

        // Assert
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
            Assert.Single(await _api.List(TestClients.OrgA, sandbox), n => n!["custom"]!.GetValue<bool>());
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task SandboxReset_WipesCustomNamespaces_OtherSandboxKept()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var kept = await _api.NewSandbox(TestClients.OrgA);
        var id = (await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty"))["id"]!.GetValue<int>();
        var keptId = (await _api.NewNamespace(TestClients.OrgA, kept, "Loyalty"))["id"]!.GetValue<int>();

        // Act
        using var reset = await _api.Client.SendAsync(HttpMethod.Put, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA, json: new { action = "reset" });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.DoesNotContain(await _api.List(TestClients.OrgA, sandbox), n => n!["custom"]!.GetValue<bool>());
        using var gone = await _api.Get($"{Base}/{id}", TestClients.OrgA, sandbox);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal([keptId], (await _api.List(TestClients.OrgA, kept)).Where(n => n!["custom"]!.GetValue<bool>()).Select(n => n!["id"]!.GetValue<int>()));
        await _api.NewNamespace(TestClients.OrgA, sandbox, "Loyalty"); // the code is free again
    }

    [Fact]
    public async Task IdentityDescriptor_OnCustomNamespace_IsAcceptedOnceTheNamespaceExists()
    {
        // Arrange: a profile schema with personal details, as the Schema Registry tutorial builds it
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        using var schemaResponse = await _api.Send(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/schemas", TestClients.OrgA, sandbox,
            new JsonObject
            {
                ["title"] = "CRM members",
                ["type"] = "object",
                ["allOf"] = new JsonArray(
                    new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile" },
                    new JsonObject { ["$ref"] = "https://ns.adobe.com/xdm/context/profile-personal-details" }),
            }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, schemaResponse.StatusCode);
        var schema = (await AepClient.JsonAsync(schemaResponse))["$id"]!.GetValue<string>();
        var descriptor = new JsonObject
        {
            ["@type"] = "xdm:descriptorIdentity",
            ["xdm:sourceSchema"] = schema,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = "/personalEmail/address",
            ["xdm:namespace"] = "crmid",
            ["xdm:property"] = "xdm:code",
            ["xdm:isPrimary"] = true,
        }.ToJsonString();
        const string Descriptors = "/data/foundation/schemaregistry/tenant/descriptors";
        using var before = await _api.Send(HttpMethod.Post, Descriptors, TestClients.OrgA, sandbox, descriptor);
        var otherSandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.NewNamespace(TestClients.OrgA, otherSandbox, "CRMID", "CRM ID");
        using var elsewhere = await _api.Send(HttpMethod.Post, Descriptors, TestClients.OrgA, sandbox, descriptor);

        // Act
        await _api.NewNamespace(TestClients.OrgA, sandbox, "CRMID", "CRM ID");
        using var after = await _api.Send(HttpMethod.Post, Descriptors, TestClients.OrgA, sandbox, descriptor);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("crmid", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        await OpenApiContract.AssertMatchesAsync(after);
        Assert.Equal("crmid", (await AepClient.JsonAsync(after))["xdm:namespace"]!.GetValue<string>());
    }
}

public sealed class IdentityNamespacesApiTestsPostgres(PostgresPlatform fixture) : IdentityNamespacesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IdentityNamespacesApiTestsSqlite(SqlitePlatform fixture) : IdentityNamespacesApiTests(fixture), IClassFixture<SqlitePlatform>;
