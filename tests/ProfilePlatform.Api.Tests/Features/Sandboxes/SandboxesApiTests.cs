using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Sandboxes;

/// <summary>Sandbox Management API (sandbox.yaml, help/sandboxes/api/sandboxes.md), through HTTP as a client calls it.</summary>
public abstract class SandboxesApiTests(PlatformFixture fixture)
{
    private const string Base = "/data/foundation/sandbox-management";
    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task ListSandboxes_NewOrganization_HasDefaultProd()
    {
        // Act
        using var response = await _client.GetAsync($"{Base}/sandboxes", TestClients.OrgB);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var prod = (await AepClient.JsonAsync(response))["sandboxes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "prod")!;
        Assert.Equal("production", prod["type"]!.GetValue<string>());
        Assert.True(prod["isDefault"]!.GetValue<bool>());
        Assert.Equal("active", prod["state"]!.GetValue<string>());
        Assert.Equal("Production", prod["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateSandbox_Valid_Returns202AndIsReadable()
    {
        // Arrange
        var name = Names.Sandbox();

        // Act
        using var created = await Create(TestClients.OrgA, name, "Acme Dev");
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        await OpenApiContract.AssertMatchesAsync(created);
        await OpenApiContract.AssertMatchesAsync(fetched);
        var c = await AepClient.JsonAsync(created);
        Assert.Equal(name, c["name"]!.GetValue<string>());
        Assert.Equal("active", c["state"]!.GetValue<string>());
        Assert.Equal("development", c["type"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var f = await AepClient.JsonAsync(fetched);
        Assert.Equal("Acme Dev", f["title"]!.GetValue<string>());
        Assert.Equal(1, f["etag"]!.GetValue<int>());
        Assert.False(f["isDefault"]!.GetValue<bool>());
        Assert.Equal(TestClients.OrgA.TechnicalAccountId, f["createdBy"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", f["createdDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateSandbox_NewSandboxIsUsableInSandboxHeader()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Usable");

        // Act: a sandbox-scoped call naming it passes the gateway (and 404s only on routing)
        using var response = await _client.GetAsync("/data/foundation/no-such-service/x", TestClients.OrgA, sandbox: name);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFoundError", (await AepClient.JsonAsync(response))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateSandbox_DuplicateName_Returns409()
    {
        // Arrange
        var name = Names.Sandbox();
        using var first = await Create(TestClients.OrgA, name, "One");

        // Act
        using var second = await Create(TestClients.OrgA, name, "Two");

        // Assert
        await AssertSandboxError(second, HttpStatusCode.Conflict, "SMS-1409-409", $"'{name}'");
        await OpenApiContract.AssertMatchesAsync(second);
    }

    [Fact]
    public async Task CreateSandbox_SameNameInAnotherOrg_IsIndependent()
    {
        // Arrange
        var name = Names.Sandbox();
        using var inA = await Create(TestClients.OrgA, name, "A's");

        // Act
        using var inB = await Create(TestClients.OrgB, name, "B's");
        using var readByA = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, inB.StatusCode);
        Assert.Equal("A's", (await AepClient.JsonAsync(readByA))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("has space")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    public async Task CreateSandbox_InvalidName_Returns400NamingTheField(string name)
    {
        // Act
        using var response = await Create(TestClients.OrgA, name, "Bad");

        // Assert
        await AssertSandboxError(response, HttpStatusCode.BadRequest, "SMS-1001-400", "'name'");
    }

    [Fact]
    public async Task CreateSandbox_UnknownType_Returns400NamingTheField()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA, json: new { name = Names.Sandbox(), title = "T", type = "staging" });

        // Assert
        await AssertSandboxError(response, HttpStatusCode.BadRequest, "SMS-1002-400", "'type'");
    }

    [Fact]
    public async Task CreateSandbox_MissingFields_ReportsEveryMissingField()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA, json: "{}");

        // Assert
        var body = await AssertSandboxError(response, HttpStatusCode.BadRequest, "SMS-1000-400", "'name'");
        Assert.Contains("'title'", body["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'type'", body["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("[1,2]")]
    [InlineData("{\"name\": 42, \"title\": \"x\", \"type\": \"development\"}")]
    public async Task CreateSandbox_MalformedJson_Returns400AndCreatesNothing(string json)
    {
        // Arrange
        var before = await CountSandboxes(TestClients.OrgA);

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA, json: json);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("/placeholder/type/uri", body["type"]!.GetValue<string>());
        Assert.Contains("JSON", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await CountSandboxes(TestClients.OrgA));
    }

    [Fact]
    public async Task CreateSandbox_NoContentType_Returns400AsAepDocuments()
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"x1","title":"t","type":"development"}"""));

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert: help/landing/troubleshooting.md "Valid content-type not specified"
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("/placeholder/type/uri", body["type"]!.GetValue<string>());
        Assert.Equal(400, body["status"]!.GetValue<int>());
        Assert.Equal("A valid content-type must be specified", body["detail"]!.GetValue<string>());
        Assert.Equal("BadRequestError", body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateSandbox_WrongContentType_Returns415()
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA);
        request.Content = new StringContent("""{"name":"x2","title":"t","type":"development"}""", Encoding.UTF8, "text/plain");

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("text/plain", (await AepClient.JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSandbox_OversizedBody_Returns413()
    {
        // Arrange: the test platform accepts 64 KiB bodies
        var huge = new string('x', 70_000);

        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, $"{Base}/sandboxes", TestClients.OrgA, json: new { name = "big", title = huge, type = "development" });

        // Assert
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(413, body["status"]!.GetValue<int>());
        Assert.Equal("/placeholder/type/uri", body["type"]!.GetValue<string>());
        Assert.Contains("65536", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateSandbox_Title_ChangesTitleAndBumpsEtag()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Before");

        // Act
        using var patched = await _client.SendAsync(HttpMethod.Patch, $"{Base}/sandboxes/{name}", TestClients.OrgA, json: new { title = "After" });
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await OpenApiContract.AssertMatchesAsync(patched);
        var p = await AepClient.JsonAsync(patched);
        Assert.Equal("After", p["title"]!.GetValue<string>());
        Assert.Equal(2, p["etag"]!.GetValue<int>());
        Assert.Equal("After", (await AepClient.JsonAsync(fetched))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateSandbox_EmptyTitle_Returns400AndKeepsTitle()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Kept");

        // Act
        using var patched = await _client.SendAsync(HttpMethod.Patch, $"{Base}/sandboxes/{name}", TestClients.OrgA, json: new { title = "" });
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        await AssertSandboxError(patched, HttpStatusCode.BadRequest, "SMS-1003-400", "'title'");
        var f = await AepClient.JsonAsync(fetched);
        Assert.Equal("Kept", f["title"]!.GetValue<string>());
        Assert.Equal(1, f["etag"]!.GetValue<int>());
    }

    [Fact]
    public async Task ResetSandbox_ResetAction_Returns202()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "To reset");

        // Act
        using var reset = await _client.SendAsync(HttpMethod.Put, $"{Base}/sandboxes/{name}", TestClients.OrgA, json: new { action = "reset" });
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        await OpenApiContract.AssertMatchesAsync(reset);
        Assert.Equal("active", (await AepClient.JsonAsync(reset))["state"]!.GetValue<string>());
        Assert.Equal(2, (await AepClient.JsonAsync(fetched))["etag"]!.GetValue<int>());
    }

    [Fact]
    public async Task ResetSandbox_OtherAction_Returns400NamingTheField()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Not reset");

        // Act
        using var response = await _client.SendAsync(HttpMethod.Put, $"{Base}/sandboxes/{name}", TestClients.OrgA, json: new { action = "wipe" });

        // Assert
        await AssertSandboxError(response, HttpStatusCode.BadRequest, "SMS-1004-400", "'action'");
    }

    [Fact]
    public async Task DeleteSandbox_Existing_Returns202AndStaysReadableAsDeleted()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Doomed");

        // Act
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{Base}/sandboxes/{name}", TestClients.OrgA);
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);
        using var available = await _client.GetAsync($"{Base}/", TestClients.OrgA);
        using var usedInHeader = await _client.GetAsync("/data/foundation/no-such-service/x", TestClients.OrgA, sandbox: name);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await OpenApiContract.AssertMatchesAsync(deleted);
        await OpenApiContract.AssertMatchesAsync(fetched);
        await OpenApiContract.AssertMatchesAsync(available);
        Assert.Equal("deleted", (await AepClient.JsonAsync(deleted))["state"]!.GetValue<string>());
        Assert.Equal("deleted", (await AepClient.JsonAsync(fetched))["state"]!.GetValue<string>());
        Assert.DoesNotContain((await AepClient.JsonAsync(available))["sandboxes"]!.AsArray(), s => s!["name"]!.GetValue<string>() == name);
        Assert.Equal(HttpStatusCode.NotFound, usedInHeader.StatusCode);
        Assert.Equal("404101", (await AepClient.JsonAsync(usedInHeader))["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteSandbox_ThenCreateSameName_GivesAFreshSandbox()
    {
        // Arrange
        var name = Names.Sandbox();
        using (await Create(TestClients.OrgA, name, "First life"))
        using (await _client.SendAsync(HttpMethod.Delete, $"{Base}/sandboxes/{name}", TestClients.OrgA))
        {
        }

        // Act
        using var again = await Create(TestClients.OrgA, name, "Second life");
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var f = await AepClient.JsonAsync(fetched);
        Assert.Equal("active", f["state"]!.GetValue<string>());
        Assert.Equal("Second life", f["title"]!.GetValue<string>());
        Assert.Equal(1, f["etag"]!.GetValue<int>());
    }

    [Fact]
    public async Task DeleteSandbox_DefaultProd_Returns400()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Delete, $"{Base}/sandboxes/prod", TestClients.OrgA);
        using var fetched = await _client.GetAsync($"{Base}/sandboxes/prod", TestClients.OrgA);

        // Assert
        await AssertSandboxError(response, HttpStatusCode.BadRequest, "SMS-1005-400", "'prod'");
        Assert.Equal("active", (await AepClient.JsonAsync(fetched))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetSandbox_OfAnotherOrg_Returns404()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "A only");

        // Act
        using var response = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgB);
        using var patch = await _client.SendAsync(HttpMethod.Patch, $"{Base}/sandboxes/{name}", TestClients.OrgB, json: new { title = "hijack" });
        using var delete = await _client.SendAsync(HttpMethod.Delete, $"{Base}/sandboxes/{name}", TestClients.OrgB);
        using var stillThere = await _client.GetAsync($"{Base}/sandboxes/{name}", TestClients.OrgA);

        // Assert
        await AssertSandboxError(response, HttpStatusCode.NotFound, "SMS-1404-404", $"'{name}'");
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var s = await AepClient.JsonAsync(stillThere);
        Assert.Equal("A only", s["title"]!.GetValue<string>());
        Assert.Equal("active", s["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListSandboxes_OtherOrgsSandboxes_AreNotListed()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await Create(TestClients.OrgA, name, "Private to A");

        // Act
        using var listB = await _client.GetAsync($"{Base}/sandboxes?limit=100", TestClients.OrgB);
        using var listA = await _client.GetAsync($"{Base}/sandboxes?limit=100", TestClients.OrgA);

        // Assert
        Assert.DoesNotContain((await AepClient.JsonAsync(listB))["sandboxes"]!.AsArray(), s => s!["name"]!.GetValue<string>() == name);
        Assert.Contains((await AepClient.JsonAsync(listA))["sandboxes"]!.AsArray(), s => s!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task ListSandboxes_Paged_LinksToNextPageUntilTheLast()
    {
        // Arrange: org A2 shares org A's sandboxes; make sure there are at least three
        using (await Create(TestClients.OrgA, Names.Sandbox(), "P1"))
        using (await Create(TestClients.OrgA, Names.Sandbox(), "P2"))
        {
        }

        // Act: walk the pages one by one through _links.next
        var seen = new List<string>();
        string? next = $"{Base}/sandboxes?limit=1";
        var pages = 0;
        while (next is not null && pages < 500)
        {
            using var page = await _client.GetAsync(next, TestClients.OrgA2);
            var body = await AepClient.JsonAsync(page);
            Assert.Equal(1, body["_page"]!["limit"]!.GetValue<int>());
            Assert.Equal(1, body["_page"]!["count"]!.GetValue<int>());
            seen.Add(body["sandboxes"]![0]!["name"]!.GetValue<string>());
            next = body["_links"]!["next"]?["href"]?.GetValue<string>();
            pages++;
        }

        using var all = await _client.GetAsync($"{Base}/sandboxes?limit=100", TestClients.OrgA);

        // Assert
        var everything = (await AepClient.JsonAsync(all))["sandboxes"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.True(seen.Count >= 3);
        Assert.Equal(everything, seen);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("offset=-1")]
    [InlineData("limit=abc")]
    public async Task ListSandboxes_BadPaging_Returns400(string query)
    {
        // Act
        using var response = await _client.GetAsync($"{Base}/sandboxes?{query}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(query.Split('=')[0], (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSandboxTypes_ReturnsBothTypes()
    {
        // Act
        using var response = await _client.GetAsync($"{Base}/sandboxTypes", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await OpenApiContract.AssertMatchesAsync(response);
        var types = (await AepClient.JsonAsync(response))["sandboxTypes"]!.AsArray().Select(t => t!.GetValue<string>());
        Assert.Equal(["production", "development"], types);
    }

    [Fact]
    public async Task SandboxManagement_IgnoresSandboxHeader_BecauseItIsOrganizationScoped()
    {
        // Act
        using var response = await _client.GetAsync($"{Base}/sandboxes", TestClients.OrgA, sandbox: "not-a-sandbox");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> Create(TestClient client, string name, string title) =>
        _client.SendAsync(HttpMethod.Post, $"{Base}/sandboxes", client, json: new { name, title, type = "development" });

    private async Task<int> CountSandboxes(TestClient client)
    {
        using var response = await _client.GetAsync($"{Base}/sandboxes?limit=100", client);
        return (await AepClient.JsonAsync(response))["sandboxes"]!.AsArray().Count;
    }

    private static async Task<JsonNode> AssertSandboxError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Equal($"http://ns.adobe.com/aep/errors/{code}", body["type"]!.GetValue<string>());
        Assert.Contains(mentions, body["title"]!.GetValue<string>(), StringComparison.Ordinal);
        return body;
    }
}

public sealed class SandboxesApiTestsPostgres(PostgresPlatform fixture) : SandboxesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class SandboxesApiTestsSqlite(SqlitePlatform fixture) : SandboxesApiTests(fixture), IClassFixture<SqlitePlatform>;
