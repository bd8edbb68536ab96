using System.Net;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Errors;

/// <summary>Every failure reaches the client in the AEP error format of the service that was called.</summary>
public sealed class ErrorFormatTests(SqlitePlatform fixture) : IClassFixture<SqlitePlatform>
{
    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task XdmService_DomainError_UsesXdmFormatWithReport()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/xdm/service", TestClients.OrgA);

        // Assert: help/xdm/troubleshooting-guide.md error body
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("http://ns.adobe.com/aep/errors/XDM-1010-404", body["type"]!.GetValue<string>());
        Assert.Equal("Resource not found", body["title"]!.GetValue<string>());
        Assert.Equal(404, body["status"]!.GetValue<int>());
        var report = body["report"]!;
        Assert.Equal(response.Headers.GetValues("x-request-id").Single(), report["registryRequestId"]!.GetValue<string>());
        Assert.Matches(@"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$", report["timestamp"]!.GetValue<string>());
        Assert.Equal(body["detail"]!.GetValue<string>(), report["detailed-message"]!.GetValue<string>());
        Assert.Equal("sub one", report["sub-errors"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task FlowService_DomainError_UsesFlowFormat()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/flow/flow", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("https://ns.adobe.com/aep/errors/FLOW-1439-404", body["type"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("x-request-id").Single(), body["report"]!["request-id"]!.GetValue<string>());
        Assert.Equal("The requested flows resource 8422 is not found.", body["report"]!["detailed-message"]!.GetValue<string>());
        Assert.Equal("The requested flows resource 8422 is not found.", body["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdentityNamespaceService_DomainError_UsesNamespaceValidationProblem()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/idnamespace/service", TestClients.OrgA);

        // Assert: identity-service.yaml /idnamespace/identities error bodies
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["timestamp", "type", "status", "title", "error", "description", "report"], body.Select(p => p.Key));
        Assert.Equal("http://ns.adobe.com/adobecloud/problem/namespacevalidation", body["type"]!.GetValue<string>());
        Assert.Equal(404, body["status"]!.GetValue<int>());
        Assert.Equal("Resource not found", body["title"]!.GetValue<string>());
        Assert.Equal("XDM-1010-404", body["error"]!.GetValue<string>());
        Assert.Equal("XDM-1010-404", body["report"]!["code"]!.GetValue<string>());
        Assert.Equal("The requested class resource https://ns.adobe.com/acme/classes/x is not found.", body["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task IdentityService_DomainError_UsesTitleStatusDetail()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/identity/service", TestClients.OrgA);

        // Assert: identity-service.yaml ServiceErrorStatus
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(
            """{"title":"Resource not found","status":404,"detail":"The requested class resource https://ns.adobe.com/acme/classes/x is not found."}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task ProfileService_DomainError_UsesMessageWithCodeAndStringStatus()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/profile/service", TestClients.OrgA);

        // Assert: profile.yaml ResponseErrorContext ("statusCode" is a string)
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(
            """{"message":"XDM-1010-404: The requested class resource https://ns.adobe.com/acme/classes/x is not found.","cause":"Resource not found","statusCode":"404"}""",
            body.ToJsonString());
    }

    [Theory]
    [InlineData("xdm")]
    [InlineData("flow")]
    [InlineData("sandbox")]
    [InlineData("idnamespace")]
    [InlineData("identity")]
    [InlineData("profile")]
    [InlineData("generic")]
    public async Task AnyService_UnhandledException_Returns500WithRequestIdAndNoInternals(string service)
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Get, $"/data/test/errors/{service}/crash", TestClients.OrgA);
        request.Headers.Add("x-request-id", $"crash-{service}");

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains($"crash-{service}", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internal detail", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", raw, StringComparison.Ordinal);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(500, service == "profile" ? int.Parse(body["statusCode"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : body["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task XdmService_UnhandledException_KeepsXdmShape()
    {
        // Act
        using var response = await _client.GetAsync("/data/test/errors/xdm/crash", TestClients.OrgA);

        // Assert
        var body = await AepClient.JsonAsync(response);
        Assert.NotNull(body["report"]!["registryRequestId"]);
        Assert.Equal("InternalServerError", body["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GatewayError_OnAnyService_IsAlwaysFlat()
    {
        // Act
        using var response = await _client.Http.GetAsync("/data/test/errors/xdm/service");

        // Assert
        await Gateway.GatewayTests.AssertGatewayError(response, HttpStatusCode.Unauthorized, "403010", "Oauth token is missing.");
    }

    [Fact]
    public async Task XdmService_WrongJsonType_Returns400NamingThePath()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Post, "/data/test/errors/xdm/body", TestClients.OrgA, json: """{"count":"many"}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("/placeholder/type/uri", body["type"]!.GetValue<string>());
        Assert.Contains("$.count", body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["report"]);
    }

    [Fact]
    public async Task UnknownMethod_OnKnownRoute_Returns405InAepFormat()
    {
        // Act
        using var response = await _client.SendAsync(HttpMethod.Delete, "/data/foundation/sandbox-management/sandboxTypes", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, (await AepClient.JsonAsync(response))["status"]!.GetValue<int>());
    }
}
