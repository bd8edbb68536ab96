using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Ims;

/// <summary>IMS token endpoints as Adobe's clients call them (form body, query string, multipart JWT exchange).</summary>
public abstract class ImsTokenTests(PlatformFixture fixture)
{
    private readonly HttpClient _http = fixture.Factory.CreateClient();

    [Theory]
    [InlineData("/ims/token/v3")]
    [InlineData("/ims/token/v2")]
    public async Task Token_FormBody_ReturnsBearerTokenInSeconds(string path)
    {
        // Act
        using var response = await _http.PostAsync(path, Form(TestClients.OrgA));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(86400, body["expires_in"]!.GetValue<long>());
        Assert.Equal(3, body["access_token"]!.GetValue<string>().Split('.').Length);
    }

    [Fact]
    public async Task Token_QueryStringAsAdobesPostmanCollectionSends_ReturnsToken()
    {
        // Arrange: POST {{IMS}}/ims/token/v2?grant_type=...&client_id=...&client_secret=...&scope=... with no body
        var c = TestClients.OrgB;
        var url = $"/ims/token/v2?grant_type=client_credentials&client_id={c.ClientId}&client_secret={c.ClientSecret}&scope=openid,AdobeID";

        // Act
        using var response = await _http.PostAsync(url, content: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await AepClient.JsonAsync(response))["access_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_Payload_CarriesClaimsAdobeClientLibrariesDecode()
    {
        // Arrange
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // Act
        using var response = await _http.PostAsync("/ims/token/v3", Form(TestClients.OrgA));
        var token = (await AepClient.JsonAsync(response))["access_token"]!.GetValue<string>();

        // Assert: @adobe/aio-lib-ims reads type, client_id, as, created_at + expires_in (ms, as strings)
        var payload = JsonNode.Parse(Base64Url(token.Split('.')[1]))!;
        Assert.Equal("access_token", payload["type"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ClientId, payload["client_id"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.ImsOrg, payload["org"]!.GetValue<string>());
        Assert.Equal(TestClients.OrgA.TechnicalAccountId, payload["user_id"]!.GetValue<string>());
        Assert.Equal("ims-na1", payload["as"]!.GetValue<string>());
        Assert.Equal("86400000", payload["expires_in"]!.GetValue<string>());
        Assert.InRange(long.Parse(payload["created_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), before - 1000, before + 60_000);
    }

    [Theory]
    [InlineData("secret-b")]
    [InlineData("wrong")]
    public async Task Token_WrongSecret_Returns401InvalidClient(string secret)
    {
        // Act
        using var response = await _http.PostAsync("/ims/token/v3", Form(TestClients.OrgA with { ClientSecret = secret }));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error_description"]!.GetValue<string>()));
        Assert.DoesNotContain("secret-a", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_UnknownClient_Returns401InvalidClient()
    {
        // Act
        using var response = await _http.PostAsync("/ims/token/v3", Form(new TestClient("nobody", "x", "", "", "")));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await AepClient.JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("password", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task Token_BadGrantType_Returns400(string grantType, string error)
    {
        // Arrange
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = TestClients.OrgA.ClientId,
            ["client_secret"] = TestClients.OrgA.ClientSecret,
        });

        // Act
        using var response = await _http.PostAsync("/ims/token/v3", form);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.Contains("grant_type", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_MissingClientId_Returns400NamingTheField()
    {
        // Act
        using var response = await _http.PostAsync("/ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains("client_id", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ims/exchange/jwt", true)]
    [InlineData("/ims/exchange/jwt/", true)]
    [InlineData("/ims/exchange/v1/jwt", false)]
    public async Task ExchangeJwt_WellFormedJwt_ReturnsTokenInMilliseconds(string path, bool multipart)
    {
        // Arrange
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = TestClients.OrgA.ClientId,
            ["client_secret"] = TestClients.OrgA.ClientSecret,
            ["jwt_token"] = ServiceAccountJwt(DateTimeOffset.UtcNow.AddMinutes(5)),
        };
        HttpContent content = multipart ? Multipart(fields) : new FormUrlEncodedContent(fields);

        // Act
        using var response = await _http.PostAsync(path, content);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal(86_400_000, body["expires_in"]!.GetValue<long>());
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("e30.bm90LWpzb24.")]
    public async Task ExchangeJwt_MalformedJwt_Returns400InvalidToken(string jwt)
    {
        // Arrange
        var fields = new Dictionary<string, string> { ["client_id"] = TestClients.OrgA.ClientId, ["client_secret"] = TestClients.OrgA.ClientSecret, ["jwt_token"] = jwt };

        // Act
        using var response = await _http.PostAsync("/ims/exchange/jwt", Multipart(fields));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_token", (await AepClient.JsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExchangeJwt_ExpiredJwt_Returns400InvalidToken()
    {
        // Arrange
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = TestClients.OrgA.ClientId,
            ["client_secret"] = TestClients.OrgA.ClientSecret,
            ["jwt_token"] = ServiceAccountJwt(DateTimeOffset.UtcNow.AddMinutes(-5)),
        };

        // Act
        using var response = await _http.PostAsync("/ims/exchange/jwt", Multipart(fields));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", (await AepClient.JsonAsync(response))["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeJwt_BrokenMultipartBody_Returns400InvalidRequest()
    {
        // Arrange: a multipart content type whose body never reaches its boundary
        var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\ntest-client-a");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");

        // Act
        using var response = await _http.PostAsync("/ims/exchange/jwt", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains("request body could not be read", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssuedToken_IsAcceptedByTheGateway()
    {
        // Arrange
        using var tokenResponse = await _http.PostAsync("/ims/token/v3", Form(TestClients.OrgB));
        var token = (await AepClient.JsonAsync(tokenResponse))["access_token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data/foundation/sandbox-management/sandboxes");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-api-key", TestClients.OrgB.ClientId);
        request.Headers.Add("x-gw-ims-org-id", TestClients.OrgB.ImsOrg);

        // Act
        using var response = await _http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(TestClient c) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = c.ClientId,
        ["client_secret"] = c.ClientSecret,
        ["scope"] = "openid,AdobeID,read_organizations",
    });

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            content.Add(new StringContent(v), k);
        }

        return content;
    }

    private static string ServiceAccountJwt(DateTimeOffset exp)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("""{"alg":"RS256","typ":"JWT"}""");
        var payload = B64($$"""{"exp":{{exp.ToUnixTimeSeconds()}},"iss":"{{TestClients.OrgA.ImsOrg}}","sub":"{{TestClients.OrgA.TechnicalAccountId}}","aud":"https://ims-na1.adobelogin.com/c/{{TestClients.OrgA.ClientId}}"}""");
        return $"{header}.{payload}.c2lnbmF0dXJl";
    }

    private static string Base64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(t.PadRight(t.Length + ((4 - (t.Length % 4)) % 4), '=')));
    }
}

public sealed class ImsTokenTestsPostgres(PostgresPlatform fixture) : ImsTokenTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class ImsTokenTestsSqlite(SqlitePlatform fixture) : ImsTokenTests(fixture), IClassFixture<SqlitePlatform>;
