using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Api.Tests.Features.Gateway;

/// <summary>The AEP gateway in front of every /data route: status codes and exact flat bodies from
/// help/landing/troubleshooting.md, checked in AEP's order (token, API key, organization, sandbox).</summary>
public abstract class GatewayTests(PlatformFixture fixture)
{
    private const string SandboxesPath = "/data/foundation/sandbox-management/sandboxes";
    private const string AnySandboxScopedPath = "/data/foundation/no-such-service/resources";

    private readonly AepClient _client = AepClient.For(fixture.Factory);

    [Fact]
    public async Task Request_NoAuthorizationHeader_Returns401TokenMissing()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, SandboxesPath);
        request.Headers.Add("x-api-key", TestClients.OrgA.ClientId);
        request.Headers.Add("x-gw-ims-org-id", TestClients.OrgA.ImsOrg);

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "403010", "Oauth token is missing.");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiYWNjZXNzX3Rva2VuIn0.")]
    public async Task Request_MalformedToken_Returns401TokenInvalid(string authorization)
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Get, SandboxesPath, TestClients.OrgA);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "401013", "Oauth token is not valid");
    }

    [Fact]
    public async Task Request_TokenSignedWithAnotherKey_Returns401TokenInvalid()
    {
        // Arrange: every claim right, signature from a key the platform does not have
        var forged = Sign(Claims(TestClients.OrgA, DateTimeOffset.UtcNow, TimeSpan.FromHours(1)), "Zm9yZ2VkLWtleS1mb3JnZWQta2V5LWZvcmdlZC1rZXktMTIzNA==");

        // Act
        using var response = await SendWithToken(forged, TestClients.OrgA);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "401013", "Oauth token is not valid");
    }

    [Fact]
    public async Task Request_ExpiredToken_Returns401TokenInvalid()
    {
        // Arrange: a genuine token of the platform's own codec, issued two days ago for one day
        var codec = fixture.Factory.Services.GetRequiredService<IAccessTokenCodec>();
        var c = TestClients.OrgA;
        var expired = codec.Encode(new ImsAccessToken("t1", c.ClientId, c.ImsOrg, c.TechnicalAccountId, "openid", DateTimeOffset.UtcNow.AddDays(-2), TimeSpan.FromDays(1)));

        // Act
        using var response = await SendWithToken(expired, c);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "401013", "Oauth token is not valid");
    }

    [Fact]
    public async Task Request_ValidTokenOfPlatformCodec_IsAccepted()
    {
        // Arrange: the same construction as the expired case, but current — proves the expiry test is about expiry
        var codec = fixture.Factory.Services.GetRequiredService<IAccessTokenCodec>();
        var c = TestClients.OrgA;
        var current = codec.Encode(new ImsAccessToken("t2", c.ClientId, c.ImsOrg, c.TechnicalAccountId, "openid", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(1)));

        // Act
        using var response = await SendWithToken(current, c);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_TokenRememberedAsVerified_IsStillRefusedOnceExpired_AndATamperedCopyNever()
    {
        // Arrange: a genuine token that expires two seconds from now; the codec remembers verified tokens by their text
        var codec = fixture.Factory.Services.GetRequiredService<IAccessTokenCodec>();
        var c = TestClients.OrgA;
        var issued = DateTimeOffset.UtcNow.AddDays(-1).AddSeconds(2);
        var token = codec.Encode(new ImsAccessToken("t3", c.ClientId, c.ImsOrg, c.TechnicalAccountId, "openid", issued, TimeSpan.FromDays(1)));
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        // Act
        using var first = await SendWithToken(token, c);
        using var again = await SendWithToken(token, c);
        using var forged = await SendWithToken(tampered, c);
        await Task.Delay(issued.AddDays(1) - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
        using var expired = await SendWithToken(token, c);

        // Assert: the remembered token is served until it expires, then refused like any expired token
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await AssertGatewayError(forged, HttpStatusCode.Unauthorized, "401013", "Oauth token is not valid");
        await AssertGatewayError(expired, HttpStatusCode.Unauthorized, "401013", "Oauth token is not valid");
    }

    /// <summary>Org A's client sends its token with one header removed or replaced.</summary>
    [Theory]
    [InlineData("x-api-key", null, 403, "403000", "Api Key is required")]
    [InlineData("x-api-key", "test-client-a2", 403, "403003", "Api Key is invalid")] // the key of another client of the same org
    [InlineData("x-gw-ims-org-id", null, 400, "400003", "Missing header")]
    [InlineData("x-gw-ims-org-id", "BBBB0000000000000000000B@AdobeOrg", 403, "403025", "Profile is not valid")] // org B with org A's token
    public async Task Request_BadCredentialHeader_ReturnsGatewayError(string header, string? value, int status, string code, string message)
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Get, SandboxesPath, TestClients.OrgA);
        request.Headers.Remove(header);
        if (value is not null)
        {
            request.Headers.Add(header, value);
        }

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        await AssertGatewayError(response, (HttpStatusCode)status, code, message);
    }

    [Fact]
    public async Task Request_EverythingMissing_ReportsTheTokenFirst()
    {
        // Act
        using var response = await _client.Http.GetAsync(SandboxesPath);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "403010", "Oauth token is missing.");
    }

    [Fact]
    public async Task Request_UnknownRouteWithoutToken_IsRefusedByGatewayBeforeRouting()
    {
        // Act
        using var response = await _client.Http.GetAsync(AnySandboxScopedPath);

        // Assert
        await AssertGatewayError(response, HttpStatusCode.Unauthorized, "403010", "Oauth token is missing.");
    }

    [Fact]
    public async Task Request_UnknownSandbox_Returns404SandboxNotFoundNamingIt()
    {
        // Act
        using var response = await _client.GetAsync(AnySandboxScopedPath, TestClients.OrgA, sandbox: "no-such-sandbox");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("404101", body["error_code"]!.GetValue<string>());
        Assert.Contains("'no-such-sandbox'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("x-sandbox-name", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_SandboxOfAnotherOrg_Returns404SandboxNotFound()
    {
        // Arrange: org B owns a sandbox; org A names it
        var name = Names.Sandbox();
        using (var created = await _client.SendAsync(HttpMethod.Post, SandboxesPath, TestClients.OrgB, json: new { name, title = "B only", type = "development" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        }

        // Act
        using var response = await _client.GetAsync(AnySandboxScopedPath, TestClients.OrgA, sandbox: name);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404101", (await AepClient.JsonAsync(response))["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_NoSandboxHeader_UsesProd()
    {
        // Act: an unknown route behind a valid gateway check gets past the gateway to the 404 of routing
        using var withoutHeader = await _client.GetAsync(AnySandboxScopedPath, TestClients.OrgA, sandbox: null);
        using var withUnknown = await _client.GetAsync(AnySandboxScopedPath, TestClients.OrgA, sandbox: "nope");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, withoutHeader.StatusCode);
        Assert.Equal("NotFoundError", (await AepClient.JsonAsync(withoutHeader))["title"]!.GetValue<string>());
        Assert.Equal("404101", (await AepClient.JsonAsync(withUnknown))["error_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Response_WithoutClientRequestId_CarriesAGeneratedOne()
    {
        // Act
        using var ok = await _client.GetAsync(SandboxesPath, TestClients.OrgA);
        using var refused = await _client.Http.GetAsync(SandboxesPath);

        // Assert
        Assert.True(Guid.TryParse(ok.Headers.GetValues("x-request-id").Single(), out _));
        Assert.True(Guid.TryParse(refused.Headers.GetValues("x-request-id").Single(), out _));
        Assert.NotEqual(ok.Headers.GetValues("x-request-id").Single(), refused.Headers.GetValues("x-request-id").Single());
    }

    [Theory]
    [InlineData("client-req-42", "client-req-42")]
    [InlineData("has space", null)]
    public async Task Response_WithClientRequestId_EchoesOnlySafeIds(string sent, string? echoed)
    {
        // Arrange
        using var request = await _client.RequestAsync(HttpMethod.Get, SandboxesPath, TestClients.OrgA);
        request.Headers.TryAddWithoutValidation("x-request-id", sent);

        // Act
        using var response = await _client.Http.SendAsync(request);

        // Assert
        var id = response.Headers.GetValues("x-request-id").Single();
        if (echoed is null)
        {
            Assert.NotEqual(sent, id);
            Assert.True(Guid.TryParse(id, out _));
        }
        else
        {
            Assert.Equal(echoed, id);
        }
    }

    private async Task<HttpResponseMessage> SendWithToken(string token, TestClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SandboxesPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-api-key", client.ClientId);
        request.Headers.Add("x-gw-ims-org-id", client.ImsOrg);
        return await _client.Http.SendAsync(request);
    }

    private static Dictionary<string, object> Claims(TestClient c, DateTimeOffset created, TimeSpan lifetime) => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["type"] = "access_token",
        ["client_id"] = c.ClientId,
        ["user_id"] = c.TechnicalAccountId,
        ["org"] = c.ImsOrg,
        ["as"] = "ims-na1",
        ["scope"] = "openid",
        ["created_at"] = created.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["expires_in"] = ((long)lifetime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Sign(Dictionary<string, object> claims, string base64Key) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "ProfilePlatform IMS",
        Claims = claims,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
    });

    internal static async Task AssertGatewayError(HttpResponseMessage response, HttpStatusCode status, string code, string message)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(code, body["error_code"]!.GetValue<string>());
        Assert.Equal(message, body["message"]!.GetValue<string>());
        Assert.Equal(2, body.AsObject().Count);
    }
}

public sealed class GatewayTestsPostgres(PostgresPlatform fixture) : GatewayTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class GatewayTestsSqlite(SqlitePlatform fixture) : GatewayTests(fixture), IClassFixture<SqlitePlatform>;
