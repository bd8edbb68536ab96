using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Infrastructure.Ims;

/// <summary>IMS access tokens as HS256-signed JWTs.</summary>
/// <remarks>The payload carries the claims Adobe's client libraries decode without checking the signature
/// (@adobe/aio-lib-ims reads <c>type</c>, <c>client_id</c>, <c>as</c>, and <c>created_at</c> + <c>expires_in</c>
/// in milliseconds, as strings), plus the organization and technical account the gateway checks.
/// Expiry is checked by <see cref="ImsTokenService"/> against the platform clock.</remarks>
public sealed class JwtAccessTokenCodec(SigningKeyProvider keys) : IAccessTokenCodec
{
    /// <summary>Most verified tokens remembered (about 1 KB each).</summary>
    public const int MaxVerified = 4096;

    private const string Issuer = "ProfilePlatform IMS";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private (SigningCredentials Credentials, TokenValidationParameters Validation)? _crypto;

    // Tokens whose signature and claims checked out, by their exact text: the result is a function of the text and the
    // key, which is loaded once. Only validly signed tokens get in (nobody can fill it without the key); expiry and the
    // client are still checked on every request by ImsTokenService. Cleared when full.
    private readonly ConcurrentDictionary<string, ImsAccessToken> _verified = new(StringComparer.Ordinal);

    // Built once, on first use after the key is loaded: every gateway request validates a token.
    private (SigningCredentials Credentials, TokenValidationParameters Validation) Crypto => _crypto ??= Build(keys.Key);

    public string Encode(ImsAccessToken token)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            SigningCredentials = Crypto.Credentials,
            Claims = new Dictionary<string, object>
            {
                ["id"] = token.TokenId,
                ["type"] = "access_token",
                ["client_id"] = token.ClientId,
                ["user_id"] = token.TechnicalAccountId,
                ["org"] = token.ImsOrg,
                ["as"] = "ims-na1",
                ["scope"] = token.Scope,
                ["created_at"] = token.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["expires_in"] = ((long)token.ExpiresIn.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                ["iat"] = token.CreatedAt.ToUnixTimeSeconds(),
                ["exp"] = token.ExpiresAt.ToUnixTimeSeconds(),
            },
        };
        return _handler.CreateToken(descriptor);
    }

    public ImsAccessToken? Decode(string token)
    {
        if (token is not null && _verified.TryGetValue(token, out var known))
        {
            return known;
        }

        var decoded = Verify(token);
        if (decoded is not null)
        {
            if (_verified.Count >= MaxVerified)
            {
                _verified.Clear();
            }

            _verified[token!] = decoded;
        }

        return decoded;
    }

    private ImsAccessToken? Verify(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return null;
        }

        var result = _handler.ValidateTokenAsync(token, Crypto.Validation).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            return null;
        }

        var claims = result.ClaimsIdentity;
        if (Claim(claims, "type") != "access_token"
            || Claim(claims, "id") is not { } id
            || Claim(claims, "client_id") is not { } clientId
            || Claim(claims, "org") is not { } org
            || Claim(claims, "user_id") is not { } user
            || !long.TryParse(Claim(claims, "created_at"), NumberStyles.None, CultureInfo.InvariantCulture, out var createdMs)
            || !long.TryParse(Claim(claims, "expires_in"), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs))
        {
            return null;
        }

        return new ImsAccessToken(id, clientId, org, user, Claim(claims, "scope") ?? "",
            DateTimeOffset.FromUnixTimeMilliseconds(createdMs), TimeSpan.FromMilliseconds(expiresMs));
    }

    private static (SigningCredentials, TokenValidationParameters) Build(byte[] key)
    {
        var securityKey = new SymmetricSecurityKey(key);
        return (new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256), new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            IssuerSigningKey = securityKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
