using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ims;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Ims;

public sealed class GatewayAuthorizerTests
{
    private const string ClientId = "acme-client-id";
    private const string Org = "ACME0000000000000000000A@AdobeOrg";
    private const string OtherClientId = "other-client-id";
    private const string OtherOrg = "OTHER000000000000000000B@AdobeOrg";

    private readonly FakeImsClientDirectory _clients = new(
        new ImsClient(ClientId, "acme-secret", Org, "acme", "ACME@techacct.adobe.com"),
        new ImsClient(OtherClientId, "other-secret", OtherOrg, "other", "OTHER@techacct.adobe.com"));

    private readonly FakeAccessTokenCodec _codec = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly ImsTokenService _tokens;
    private readonly string _accessToken;

    public GatewayAuthorizerTests()
    {
        _tokens = new ImsTokenService(_clients, _codec, _clock, TimeSpan.FromHours(24));
        _accessToken = _tokens.IssueClientCredentials("client_credentials", ClientId, "acme-secret", null).AccessToken;
    }

    [Fact]
    public void Authorize_ValidHeaders_ReturnsToken()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var token = sut.Authorize("Bearer " + _accessToken, ClientId, Org);

        // Assert
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal(Org, token.ImsOrg);
        Assert.Same(Assert.Single(_codec.Encoded), token);
    }

    [Theory]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    [InlineData("BeArEr ")]
    public void Authorize_SchemeInAnyCase_ReturnsToken(string scheme)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var token = sut.Authorize(scheme + _accessToken, ClientId, Org);

        // Assert
        Assert.Equal(ClientId, token.ClientId);
    }

    [Fact]
    public void Authorize_HeaderValuesWithSurroundingWhitespace_AreTolerated()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var token = sut.Authorize($"  Bearer   {_accessToken}  ", $" {ClientId}\t", $"\t{Org} ");

        // Assert
        Assert.Equal(ClientId, token.ClientId);
        Assert.Equal([_accessToken], _codec.Decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Authorize_MissingAuthorization_ThrowsTokenMissing(string? authorization)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize(authorization, ClientId, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenMissing, ex.Error);
        Assert.Equal("403010", ex.Error.Code);
        Assert.Equal("Oauth token is missing.", ex.Message);
        Assert.Empty(_codec.Decoded);
    }

    [Theory]
    [InlineData("Basic xyz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Token abc")]
    [InlineData("Bearerabc")]
    public void Authorize_NotABearerToken_ThrowsTokenInvalidWithoutDecoding(string authorization)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize(authorization, ClientId, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenInvalid, ex.Error);
        Assert.Equal("401013", ex.Error.Code);
        Assert.Equal(401, ex.Error.Status);
        Assert.Equal("Oauth token is not valid", ex.Message);
        Assert.Empty(_codec.Decoded);
    }

    [Fact]
    public void Authorize_UnknownToken_ThrowsTokenInvalid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer forged.token.value", ClientId, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenInvalid, ex.Error);
        Assert.Equal(["forged.token.value"], _codec.Decoded);
    }

    [Fact]
    public void Authorize_ExpiredToken_ThrowsTokenInvalid()
    {
        // Arrange
        var sut = CreateSut();
        _clock.Advance(TimeSpan.FromHours(25));

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, ClientId, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenInvalid, ex.Error);
    }

    [Fact]
    public void Authorize_TokenOfRemovedClient_ThrowsTokenInvalid()
    {
        // Arrange
        var sut = CreateSut();
        _clients.Remove(ClientId);

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, ClientId, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenInvalid, ex.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Authorize_MissingApiKey_ThrowsApiKeyMissing(string? apiKey)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, apiKey, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.ApiKeyMissing, ex.Error);
        Assert.Equal("403000", ex.Error.Code);
        Assert.Equal(403, ex.Error.Status);
        Assert.Equal("Api Key is required", ex.Message);
    }

    [Theory]
    [InlineData(OtherClientId)]
    [InlineData("ACME-CLIENT-ID")]
    [InlineData("not-a-client")]
    public void Authorize_ApiKeyOfAnotherClient_ThrowsApiKeyInvalid(string apiKey)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, apiKey, Org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.ApiKeyInvalid, ex.Error);
        Assert.Equal("403003", ex.Error.Code);
        Assert.Equal(403, ex.Error.Status);
        Assert.Equal("Api Key is invalid", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Authorize_MissingOrg_ThrowsOrgHeaderMissing(string? org)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, ClientId, org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.OrgHeaderMissing, ex.Error);
        Assert.Equal("400003", ex.Error.Code);
        Assert.Equal(400, ex.Error.Status);
        Assert.Equal("Missing header", ex.Message);
    }

    [Theory]
    [InlineData(OtherOrg)]
    [InlineData("acme0000000000000000000a@adoborg")]
    [InlineData("ACME0000000000000000000A")]
    public void Authorize_OtherOrg_ThrowsOrgNotEntitled(string org)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, ClientId, org));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.OrgNotEntitled, ex.Error);
        Assert.Equal("403025", ex.Error.Code);
        Assert.Equal(403, ex.Error.Status);
        Assert.Equal("Profile is not valid", ex.Message);
    }

    [Fact]
    public void Authorize_EverythingMissing_ReportsTokenFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize(null, null, null));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenMissing, ex.Error);
    }

    [Fact]
    public void Authorize_InvalidTokenAndNoApiKeyOrOrg_ReportsTokenInvalidFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer nope", null, null));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.TokenInvalid, ex.Error);
    }

    [Fact]
    public void Authorize_ValidTokenNoApiKeyNoOrg_ReportsApiKeyBeforeOrg()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, null, null));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.ApiKeyMissing, ex.Error);
    }

    [Fact]
    public void Authorize_WrongApiKeyAndWrongOrg_ReportsApiKeyInvalidFirst()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ex = Assert.Throws<AepException>(() => sut.Authorize("Bearer " + _accessToken, OtherClientId, OtherOrg));

        // Assert
        Assert.Same(ErrorCatalog.Gateway.ApiKeyInvalid, ex.Error);
    }

    [Fact]
    public void Authorize_OtherClientsTokenWithItsOwnKeyAndOrg_ReturnsOtherClientsToken()
    {
        // Arrange
        var sut = CreateSut();
        var other = _tokens.IssueClientCredentials("client_credentials", OtherClientId, "other-secret", null).AccessToken;

        // Act
        var token = sut.Authorize("Bearer " + other, OtherClientId, OtherOrg);

        // Assert
        Assert.Equal(OtherClientId, token.ClientId);
        Assert.Equal(OtherOrg, token.ImsOrg);
    }

    private GatewayAuthorizer CreateSut() => new(_tokens);
}
