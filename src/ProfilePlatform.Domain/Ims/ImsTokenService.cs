using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ims;

/// <summary>Issues IMS access tokens to configured clients (OAuth server-to-server and the legacy JWT exchange).</summary>
/// <remarks>Reproduces what AEP clients rely on (docs: help/landing/api-authentication.md; @adobe/aio-lib-ims):
/// v2/v3 answer <c>expires_in</c> in seconds, the JWT exchange in milliseconds.</remarks>
public sealed class ImsTokenService(IImsClientDirectory clients, IAccessTokenCodec codec, TimeProvider clock, TimeSpan tokenLifetime)
{
    public const string ClientCredentialsGrant = "client_credentials";

    public TimeSpan TokenLifetime { get; } = tokenLifetime;

    /// <summary>OAuth client credentials grant (<c>/ims/token/v2</c>, <c>/ims/token/v3</c>).</summary>
    public IssuedToken IssueClientCredentials(string? grantType, string? clientId, string? clientSecret, string? scope)
    {
        if (string.IsNullOrWhiteSpace(grantType))
        {
            throw new AepException(ErrorCatalog.Ims.InvalidRequest, "Missing grant_type: send grant_type=client_credentials.");
        }

        if (grantType != ClientCredentialsGrant)
        {
            throw new AepException(ErrorCatalog.Ims.UnsupportedGrantType, $"grant_type '{grantType}' is not supported: send grant_type=client_credentials.");
        }

        var client = Authenticate(clientId, clientSecret);
        var token = Issue(client, scope ?? "");
        return new IssuedToken(codec.Encode(token), (long)TokenLifetime.TotalSeconds);
    }

    /// <summary>Legacy service-account JWT exchange (<c>/ims/exchange/jwt</c>): any well-formed, unexpired JWT is accepted.</summary>
    public IssuedToken ExchangeJwt(string? clientId, string? clientSecret, string? jwtToken)
    {
        var client = Authenticate(clientId, clientSecret);
        if (string.IsNullOrWhiteSpace(jwtToken))
        {
            throw new AepException(ErrorCatalog.Ims.InvalidRequest, "Missing jwt_token: send the signed service-account JWT in the jwt_token field.");
        }

        if (ReadJwtExpiry(jwtToken) <= clock.GetUtcNow())
        {
            throw new AepException(ErrorCatalog.Ims.InvalidToken, "jwt_token has expired: sign a new JWT with a future exp claim.");
        }

        var token = Issue(client, "");
        return new IssuedToken(codec.Encode(token), (long)TokenLifetime.TotalMilliseconds);
    }

    /// <summary>The token in an <c>Authorization: Bearer</c> header, or null when it is malformed, forged or expired.</summary>
    public ImsAccessToken? Validate(string bearerToken)
    {
        var token = codec.Decode(bearerToken);
        if (token is null || token.IsExpiredAt(clock.GetUtcNow()))
        {
            return null;
        }

        // A token of a client that has since been removed from configuration is no longer honoured.
        var client = clients.FindClient(token.ClientId);
        return client is not null && client.ImsOrg == token.ImsOrg ? token : null;
    }

    private ImsClient Authenticate(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new AepException(ErrorCatalog.Ims.InvalidRequest, "Missing client_id: send the client id (API key) of your credential.");
        }

        if (string.IsNullOrEmpty(clientSecret))
        {
            throw new AepException(ErrorCatalog.Ims.InvalidRequest, "Missing client_secret: send the client secret of your credential.");
        }

        var client = clients.FindClient(clientId);
        if (client is null || !FixedTimeEquals(client.ClientSecret, clientSecret))
        {
            throw new AepException(ErrorCatalog.Ims.InvalidClient, "invalid client_id or client_secret");
        }

        return client;
    }

    private ImsAccessToken Issue(ImsClient client, string scope) =>
        new(Guid.NewGuid().ToString("N"), client.ClientId, client.ImsOrg, client.TechnicalAccountId, scope, clock.GetUtcNow(), TokenLifetime);

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static readonly double MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly double MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>The JWT's <c>exp</c>, which IMS requires: a NumericDate (RFC 7519 §2, fractions allowed).</summary>
    private static DateTimeOffset ReadJwtExpiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new AepException(ErrorCatalog.Ims.InvalidToken, "jwt_token is not a JWT: expected header.payload.signature in base64url.");
        }

        try
        {
            using var header = JsonDocument.Parse(Base64UrlDecode(parts[0]));
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("JWT header and payload must be JSON objects.");
            }

            if (!payload.RootElement.TryGetProperty("exp", out var exp))
            {
                throw new AepException(ErrorCatalog.Ims.InvalidToken, "jwt_token has no exp claim: sign the JWT with an expiry (exp, seconds since the epoch).");
            }

            if (exp.ValueKind != JsonValueKind.Number || !exp.TryGetDouble(out var seconds) || seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
            {
                throw new FormatException("JWT exp must be a NumericDate.");
            }

            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new AepException(ErrorCatalog.Ims.InvalidToken, "jwt_token is not a JWT: its header and payload must be base64url-encoded JSON objects.");
        }
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}
