using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ims;

/// <summary>The AEP gateway's checks of the credential headers, in the gateway's order: token, API key, organization.</summary>
/// <remarks>help/landing/troubleshooting.md §"Request header errors" lists the bodies; see ErrorCatalog.Gateway.</remarks>
public sealed class GatewayAuthorizer(ImsTokenService tokens)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The validated token for these headers; throws the gateway's error otherwise.</summary>
    public ImsAccessToken Authorize(string? authorization, string? apiKey, string? imsOrg)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new AepException(ErrorCatalog.Gateway.TokenMissing);
        }

        // After Trim, a bare "Bearer " is "Bearer" and fails the prefix check: no empty token gets through.
        var value = authorization.Trim();
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new AepException(ErrorCatalog.Gateway.TokenInvalid);
        }

        var token = tokens.Validate(value[BearerPrefix.Length..].Trim()) ?? throw new AepException(ErrorCatalog.Gateway.TokenInvalid);

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new AepException(ErrorCatalog.Gateway.ApiKeyMissing);
        }

        if (apiKey.Trim() != token.ClientId)
        {
            throw new AepException(ErrorCatalog.Gateway.ApiKeyInvalid);
        }

        if (string.IsNullOrWhiteSpace(imsOrg))
        {
            throw new AepException(ErrorCatalog.Gateway.OrgHeaderMissing);
        }

        if (imsOrg.Trim() != token.ImsOrg)
        {
            throw new AepException(ErrorCatalog.Gateway.OrgNotEntitled);
        }

        return token;
    }
}
