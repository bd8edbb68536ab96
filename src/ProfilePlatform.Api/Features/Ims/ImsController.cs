using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.Ims;

namespace ProfilePlatform.Api.Features.Ims;

/// <summary>IMS token endpoints, as Adobe's Postman collection and client libraries call them.</summary>
/// <remarks>Parameters come from the query string or the form body (urlencoded or multipart), whichever the
/// client used: the IMS Postman collection sends <c>/ims/token/v2</c> with everything in the query string.</remarks>
[ApiController]
[AepService(AepErrorFormat.Ims)]
[ApiExplorerSettings(GroupName = "v1")]
[Tags("IMS")]
public sealed class ImsController(ImsTokenService tokens) : ControllerBase
{
    /// <summary>OAuth server-to-server token (client credentials). <c>expires_in</c> is in seconds.</summary>
    [HttpPost("ims/token/v3")]
    [HttpPost("ims/token/v2")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<TokenResponse>> Token(CancellationToken ct)
    {
        var p = await ReadParametersAsync(ct);
        var issued = tokens.IssueClientCredentials(p("grant_type"), p("client_id"), p("client_secret"), p("scope"));
        return Ok(new TokenResponse(issued.AccessToken, IssuedToken.TokenType, issued.ExpiresIn));
    }

    /// <summary>Legacy service-account (JWT) exchange. <c>expires_in</c> is in milliseconds, as AEP documents.
    /// Routing also matches the trailing-slash form the Postman collection uses.</summary>
    [HttpPost("ims/exchange/jwt")]
    [HttpPost("ims/exchange/v1/jwt")]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<TokenResponse>> ExchangeJwt(CancellationToken ct)
    {
        var p = await ReadParametersAsync(ct);
        var issued = tokens.ExchangeJwt(p("client_id"), p("client_secret"), p("jwt_token"));
        return Ok(new TokenResponse(issued.AccessToken, IssuedToken.TokenType, issued.ExpiresIn));
    }

    private async Task<Func<string, string?>> ReadParametersAsync(CancellationToken ct)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(ct) : null;
        return name =>
        {
            var fromForm = form?[name].ToString();
            return !string.IsNullOrEmpty(fromForm) ? fromForm : Request.Query[name].ToString() is { Length: > 0 } q ? q : null;
        };
    }
}
