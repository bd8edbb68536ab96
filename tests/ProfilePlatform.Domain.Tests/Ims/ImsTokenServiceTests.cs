using System.Text;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Ims;

public sealed class ImsTokenServiceTests
{
    private const string ClientId = "acme-client-id";
    private const string Secret = "p8e-acme-secret";
    private const string Org = "ACME0000000000000000000A@AdobeOrg";
    private const string TechAccount = "ACME1111@techacct.adobe.com";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly FakeImsClientDirectory _clients = new(
        new ImsClient(ClientId, Secret, Org, "acme", TechAccount),
        new ImsClient("other-client", "other-secret", "OTHER000000000000000000B@AdobeOrg", "other", "OTHER@techacct.adobe.com"));

    private readonly FakeAccessTokenCodec _codec = new();
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void IssueClientCredentials_ValidClient_ReturnsEncodedTokenWithExpiresInSeconds()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, "openid,AdobeID");

        // Assert
        Assert.Equal(86_400, issued.ExpiresIn);
        var token = Assert.Single(_codec.Encoded);
        Assert.Equal(issued.AccessToken, _codec.Encode(token));
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal(Org, token.ImsOrg);
        Assert.Equal(TechAccount, token.TechnicalAccountId);
        Assert.Equal("openid,AdobeID", token.Scope);
        Assert.Equal(_clock.Now, token.CreatedAt);
        Assert.Equal(Lifetime, token.ExpiresIn);
        Assert.Equal(_clock.Now + Lifetime, token.ExpiresAt);
        Assert.False(string.IsNullOrEmpty(token.TokenId));
    }

    [Fact]
    public void IssueClientCredentials_CustomLifetime_ExpiresInIsLifetimeInSeconds()
    {
        // Arrange
        var sut = CreateSut(TimeSpan.FromMinutes(90));

        // Act
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);

        // Assert
        Assert.Equal(5_400, issued.ExpiresIn);
        Assert.Equal(TimeSpan.FromMinutes(90), sut.TokenLifetime);
    }

    [Fact]
    public void IssueClientCredentials_NoScope_IssuesEmptyScope()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);

        // Assert
        Assert.Equal("", Assert.Single(_codec.Encoded).Scope);
    }

    [Fact]
    public void IssueClientCredentials_TwoCalls_IssueDistinctTokens()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var a = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        var b = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);

        // Assert
        Assert.NotEqual(a.AccessToken, b.AccessToken);
        Assert.Equal(2, _codec.Encoded.Select(t => t.TokenId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void IssueClientCredentials_IssuedToken_ValidatesBack()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.NotNull(token);
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal(Org, token.ImsOrg);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void IssueClientCredentials_MissingGrantType_ThrowsInvalidRequestNamingGrantType(string? grantType)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials(grantType, ClientId, Secret, null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidRequest, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("grant_type", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_codec.Encoded);
    }

    [Theory]
    [InlineData("authorization_code")]
    [InlineData("password")]
    [InlineData("Client_Credentials")]
    [InlineData("client_credentials ")]
    public void IssueClientCredentials_OtherGrantType_ThrowsUnsupportedGrantType(string grantType)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials(grantType, ClientId, Secret, null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.UnsupportedGrantType, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains($"'{grantType}'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_codec.Encoded);
    }

    [Fact]
    public void IssueClientCredentials_UnsupportedGrantAndBadClient_ReportsGrantFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials("password", "nobody", "x", null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.UnsupportedGrantType, ex.Error);
    }

    [Theory]
    [InlineData("unknown-client", Secret)]
    [InlineData(ClientId, "wrong-secret")]
    [InlineData(ClientId, "p8e-acme-secreT")]
    [InlineData(ClientId, "p8e-acme-secret ")]
    [InlineData(ClientId, "p8e-acme")]
    [InlineData(ClientId, "other-secret")]
    [InlineData("ACME-CLIENT-ID", Secret)]
    public void IssueClientCredentials_UnknownClientOrWrongSecret_ThrowsInvalidClient401(string clientId, string secret)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials("client_credentials", clientId, secret, null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidClient, ex.Error);
        Assert.Equal(401, ex.Error.Status);
        Assert.Equal("invalid client_id or client_secret", ex.Message);
        Assert.Empty(_codec.Encoded);
    }

    [Theory]
    [InlineData(null, "client_id")]
    [InlineData("", "client_id")]
    [InlineData(" ", "client_id")]
    public void IssueClientCredentials_MissingClientId_ThrowsInvalidRequestNamingField(string? clientId, string field)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials("client_credentials", clientId, Secret, null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidRequest, ex.Error);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IssueClientCredentials_MissingClientSecret_ThrowsInvalidRequestNamingField(string? secret)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials("client_credentials", ClientId, secret, null));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidRequest, ex.Error);
        Assert.Contains("client_secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IssueClientCredentials_MissingBothClientFields_ReportsClientIdFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.IssueClientCredentials("client_credentials", null, null, null));

        // Assert
        Assert.Contains("client_id", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("client_secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExchangeJwt_ValidJwt_ReturnsTokenWithExpiresInMilliseconds()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddMinutes(5).ToUnixTimeSeconds()}},"iss":"{{Org}}","sub":"{{TechAccount}}"}""");

        // Act
        var issued = sut.ExchangeJwt(ClientId, Secret, jwt);

        // Assert
        Assert.Equal(86_400_000, issued.ExpiresIn);
        var token = Assert.Single(_codec.Encoded);
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal(Org, token.ImsOrg);
        Assert.Equal("", token.Scope);
        Assert.Equal(_clock.Now, token.CreatedAt);
        Assert.NotNull(sut.Validate(issued.AccessToken));
    }

    [Fact]
    public void ExchangeJwt_EmptySignaturePart_IsAccepted()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddMinutes(5).ToUnixTimeSeconds()}}}""", signature: "");

        // Act
        var issued = sut.ExchangeJwt(ClientId, Secret, jwt);

        // Assert
        Assert.Equal(86_400_000, issued.ExpiresIn);
    }

    [Fact]
    public void ExchangeJwt_UnpaddedBase64UrlWithUrlSafeCharacters_IsAccepted()
    {
        // Arrange
        var sut = CreateSut();
        // "?>" and "~~" encode to base64 containing '/' and '+', which base64url spells '_' and '-'.
        var payload = $$"""{"exp":{{_clock.Now.AddMinutes(5).ToUnixTimeSeconds()}},"x":"?>?~~~"}""";
        var jwt = Jwt(payload);

        // Act
        var issued = sut.ExchangeJwt(ClientId, Secret, jwt);

        // Assert
        Assert.True(jwt.Contains('_', StringComparison.Ordinal) || jwt.Contains('-', StringComparison.Ordinal));
        Assert.DoesNotContain("=", jwt, StringComparison.Ordinal);
        Assert.Single(_codec.Encoded);
        Assert.Equal(86_400_000, issued.ExpiresIn);
    }

    [Theory]
    [InlineData("no-dots-at-all")]
    [InlineData("only.two")]
    [InlineData("a.b.c.d")]
    [InlineData(".eyJleHAiOjF9.sig")]
    [InlineData("eyJhbGciOiJub25lIn0..sig")]
    [InlineData("..")]
    public void ExchangeJwt_NotThreeParts_ThrowsInvalidToken(string jwt)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
        Assert.Equal(400, ex.Error.Status);
        Assert.Contains("jwt_token", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_codec.Encoded);
    }

    [Theory]
    [InlineData("!!!.eyJleHAiOjF9.sig")] // header not base64
    [InlineData("eyJhbGciOiJub25lIn0.%%%.sig")] // payload not base64
    [InlineData("eyJhbGciOiJub25lIn0.a.sig")] // payload of one base64 character
    public void ExchangeJwt_NotBase64_ThrowsInvalidToken(string jwt)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
        Assert.Contains("base64url", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"exp\":")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    public void ExchangeJwt_PayloadNotJsonObject_ThrowsInvalidToken(string payload)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, Jwt(payload)));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
        Assert.Contains("JSON", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    public void ExchangeJwt_HeaderNotJsonObject_ThrowsInvalidToken(string header)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, Jwt("{}", header)));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
    }

    [Fact]
    public void ExchangeJwt_ExpInPast_ThrowsInvalidTokenSayingExpired()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddSeconds(-1).ToUnixTimeSeconds()}}}""");

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_codec.Encoded);
    }

    [Fact]
    public void ExchangeJwt_NoExpClaim_ThrowsInvalidTokenNamingExp()
    {
        // Arrange: IMS requires an expiry on service-account JWTs
        var sut = CreateSut();
        var jwt = Jwt("""{"iss":"someone@AdobeOrg"}""");

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
        Assert.Contains("exp", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_codec.Encoded);
    }

    [Fact]
    public void ExchangeJwt_ExpEqualsNow_ThrowsInvalidToken()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.ToUnixTimeSeconds()}}}""");

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
    }

    [Fact]
    public void ExchangeJwt_ExpOneSecondAhead_IsAccepted()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddSeconds(1).ToUnixTimeSeconds()}}}""");

        // Act
        var issued = sut.ExchangeJwt(ClientId, Secret, jwt);

        // Assert
        Assert.Single(_codec.Encoded);
        Assert.Equal(issued.AccessToken, _codec.Encode(Assert.Single(_codec.Encoded)));
    }

    [Fact]
    public void ExchangeJwt_ExpiryMeasuredAgainstInjectedClock()
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddMinutes(5).ToUnixTimeSeconds()}}}""");
        _clock.Advance(TimeSpan.FromMinutes(6));

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidToken, ex.Error);
    }

    [Theory]
    [InlineData("99999999999999")] // beyond year 9999
    [InlineData("-99999999999999")] // before year 1
    public void ExchangeJwt_ExpOutOfDateRange_ThrowsInvalidToken(string exp)
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{exp}}}""");

        // Act
        var ex = Record.Exception(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        var aep = Assert.IsType<AepException>(ex);
        Assert.Same(ErrorCatalog.Ims.InvalidToken, aep.Error);
    }

    [Theory]
    [InlineData("\"1900000000\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{}")]
    public void ExchangeJwt_ExpNotANumber_ThrowsInvalidToken(string exp)
    {
        // Arrange
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{exp}}}""");

        // Act
        var ex = Record.Exception(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        var aep = Assert.IsType<AepException>(ex);
        Assert.Same(ErrorCatalog.Ims.InvalidToken, aep.Error);
    }

    [Fact]
    public void ExchangeJwt_FractionalExpInPast_ThrowsInvalidToken()
    {
        // Arrange: RFC 7519 NumericDate may be non-integer
        var sut = CreateSut();
        var jwt = Jwt($$"""{"exp":{{_clock.Now.AddHours(-1).ToUnixTimeSeconds()}}.5}""");

        // Act
        var ex = Record.Exception(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        var aep = Assert.IsType<AepException>(ex);
        Assert.Same(ErrorCatalog.Ims.InvalidToken, aep.Error);
        Assert.Empty(_codec.Encoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ExchangeJwt_MissingJwt_ThrowsInvalidRequestNamingField(string? jwt)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, Secret, jwt));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidRequest, ex.Error);
        Assert.Contains("jwt_token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExchangeJwt_WrongSecret_ThrowsInvalidClientBeforeLookingAtJwt()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(ClientId, "wrong", "garbage"));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidClient, ex.Error);
        Assert.Equal(401, ex.Error.Status);
    }

    [Theory]
    [InlineData(null, Secret, "client_id")]
    [InlineData(ClientId, null, "client_secret")]
    public void ExchangeJwt_MissingClientField_ThrowsInvalidRequest(string? clientId, string? secret, string field)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.ExchangeJwt(clientId, secret, Jwt("{}")));

        // Assert
        Assert.Same(ErrorCatalog.Ims.InvalidRequest, ex.Error);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FreshToken_ReturnsDecodedToken()
    {
        // Arrange
        var sut = CreateSut();
        var bearer = _codec.Encode(Token(ClientId, Org, createdAt: _clock.Now));

        // Act
        var token = sut.Validate(bearer);

        // Assert
        Assert.NotNull(token);
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal([bearer], _codec.Decoded);
    }

    [Fact]
    public void Validate_ForgedToken_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var token = sut.Validate("forged-or-garbage");

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_OneTickBeforeExpiry_ReturnsToken()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        _clock.Advance(Lifetime - TimeSpan.FromTicks(1));

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.NotNull(token);
    }

    [Fact]
    public void Validate_AtExpiry_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        _clock.Advance(Lifetime);

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_LongAfterExpiry_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var bearer = _codec.Encode(Token(ClientId, Org, createdAt: _clock.Now.AddDays(-3)));

        // Act
        var token = sut.Validate(bearer);

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_ClientRemovedFromConfiguration_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        _clients.Remove(ClientId);

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_ClientMovedToAnotherOrg_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        _clients.Add(new ImsClient(ClientId, Secret, "MOVED00000000000000000C@AdobeOrg", "acme", TechAccount));

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_TokenClaimingOrgOtherThanClients_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var bearer = _codec.Encode(Token(ClientId, "OTHER000000000000000000B@AdobeOrg", createdAt: _clock.Now));

        // Act
        var token = sut.Validate(bearer);

        // Assert
        Assert.Null(token);
    }

    [Fact]
    public void Validate_ClientSecretRotated_StillReturnsToken()
    {
        // Arrange
        var sut = CreateSut();
        var issued = sut.IssueClientCredentials("client_credentials", ClientId, Secret, null);
        _clients.Add(new ImsClient(ClientId, "rotated-secret", Org, "acme", TechAccount));

        // Act
        var token = sut.Validate(issued.AccessToken);

        // Assert
        Assert.NotNull(token);
    }

    private ImsTokenService CreateSut(TimeSpan? lifetime = null) => new(_clients, _codec, _clock, lifetime ?? Lifetime);

    private static ImsAccessToken Token(string clientId, string org, DateTimeOffset createdAt) =>
        new(Guid.NewGuid().ToString("N"), clientId, org, TechAccount, "", createdAt, Lifetime);

    private static string Jwt(string payloadJson, string headerJson = """{"alg":"RS256","typ":"JWT"}""", string signature = "c2lnbmF0dXJl") =>
        $"{Base64Url(headerJson)}.{Base64Url(payloadJson)}.{signature}";

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
