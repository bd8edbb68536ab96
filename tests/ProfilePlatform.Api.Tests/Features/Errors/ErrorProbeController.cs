using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Tests.Features.Errors;

/// <summary>Test-only endpoints, one per AEP error format, that fail on demand: proves that one handler maps
/// every failure to the format of the service that was called.</summary>
[ApiController]
[Route("data/test/errors")]
public sealed class ErrorProbeController : ControllerBase
{
    public static readonly AepError ProbeError = new("XDM-1010-404", 404, "Resource not found");

    [HttpGet("xdm/{what}")]
    [AepService(AepErrorFormat.Xdm)]
    public IActionResult Xdm(string what) => Fail(what);

    [HttpGet("flow/{what}")]
    [AepService(AepErrorFormat.Flow)]
    public IActionResult Flow(string what) => Fail(what);

    [HttpGet("sandbox/{what}")]
    [AepService(AepErrorFormat.Sandbox)]
    public IActionResult Sandbox(string what) => Fail(what);

    [HttpGet("idnamespace/{what}")]
    [AepService(AepErrorFormat.IdentityNamespace)]
    public IActionResult IdentityNamespace(string what) => Fail(what);

    [HttpGet("identity/{what}")]
    [AepService(AepErrorFormat.Identity)]
    public IActionResult Identity(string what) => Fail(what);

    [HttpGet("profile/{what}")]
    [AepService(AepErrorFormat.Profile)]
    public IActionResult Profile(string what) => Fail(what);

    [HttpGet("generic/{what}")]
    public IActionResult Generic(string what) => Fail(what);

    [HttpPost("xdm/body")]
    [AepService(AepErrorFormat.Xdm)]
    [AepConsumes("application/json")]
    public IActionResult Body([FromBody] ProbeBody body) => Ok(body);

    private static IActionResult Fail(string what) => what switch
    {
        "service" => throw new AepException(ProbeError, "The requested class resource https://ns.adobe.com/acme/classes/x is not found.", ["sub one"]),
        "flow" => throw new AepException(new AepError("FLOW-1439-404", 404, "Resource not found"), "The requested flows resource 8422 is not found."),
        "crash" => throw new InvalidOperationException("secret internal detail /var/lib/connection-string"),
        _ => new OkResult(),
    };
}

/// <summary>A request body with a typed field.</summary>
public sealed record ProbeBody(int Count);
