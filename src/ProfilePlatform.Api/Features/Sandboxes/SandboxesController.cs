using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Api.Common.Validation;
using ProfilePlatform.Api.Features.Sandboxes.Contracts;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Api.Features.Sandboxes;

/// <summary>Sandbox Management API (<c>/data/foundation/sandbox-management</c>, sandbox.yaml).</summary>
[ApiController]
[Route("data/foundation/sandbox-management")]
[AepService(AepErrorFormat.Sandbox)]
[OrganizationScoped]
[Tags("Sandboxes")]
public sealed class SandboxesController(SandboxService sandboxes, AepCaller caller, IValidator<CreateSandboxRequest> createValidator) : ControllerBase
{
    /// <summary>Active sandboxes available to the caller.</summary>
    [HttpGet("")]
    public async Task<SandboxListResponse> ListAvailable([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        ToList(await sandboxes.ListAsync(caller.ImsOrg, liveOnly: true, offset, limit, ct), "/data/foundation/sandbox-management/");

    [HttpGet("sandboxTypes")]
    public SandboxTypesResponse ListTypes() => new(SandboxWireNames.Types);

    /// <summary>All sandboxes of the organization, deleted ones included.</summary>
    [HttpGet("sandboxes")]
    public async Task<SandboxListResponse> List([FromQuery] int? limit, [FromQuery] int? offset, CancellationToken ct) =>
        ToList(await sandboxes.ListAsync(caller.ImsOrg, liveOnly: false, offset, limit, ct), "/data/foundation/sandbox-management/sandboxes");

    [HttpGet("sandboxes/{sandboxName}")]
    public async Task<SandboxResponse> Get(string sandboxName, CancellationToken ct) =>
        SandboxResponse.From(await sandboxes.GetAsync(caller.ImsOrg, sandboxName, ct));

    [HttpPost("sandboxes")]
    [AepConsumes("application/json")]
    [ProducesResponseType<SandboxActionResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Create([FromBody] CreateSandboxRequest body, CancellationToken ct)
    {
        await createValidator.ValidateOrThrowAsync(body, ErrorCatalog.Sandboxes.InvalidRequest, ct);
        var created = await sandboxes.CreateAsync(caller.ImsOrg, body.Name, body.Title, body.Type, caller.UserId, ct);
        return StatusCode(StatusCodes.Status202Accepted, SandboxActionResponse.From(created));
    }

    [HttpPatch("sandboxes/{sandboxName}")]
    [AepConsumes("application/json")]
    public async Task<SandboxResponse> Update(string sandboxName, [FromBody] PatchSandboxRequest body, CancellationToken ct) =>
        SandboxResponse.From(await sandboxes.RetitleAsync(caller.ImsOrg, sandboxName, body.Title, caller.UserId, ct));

    /// <summary>Resets a sandbox (<c>{"action":"reset"}</c>): all its data is deleted.</summary>
    [HttpPut("sandboxes/{sandboxName}")]
    [AepConsumes("application/json")]
    [ProducesResponseType<SandboxActionResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Reset(string sandboxName, [FromBody] ResetSandboxRequest body, [FromQuery] bool validationOnly, CancellationToken ct)
    {
        if (validationOnly)
        {
            // Nothing on this platform blocks a reset (no Analytics or Audience Manager links), so the pre-check passes.
            var current = await sandboxes.GetAsync(caller.ImsOrg, sandboxName, ct);
            return StatusCode(StatusCodes.Status202Accepted, SandboxActionResponse.From(current));
        }

        var reset = await sandboxes.ResetAsync(caller.ImsOrg, sandboxName, body.Action, caller.UserId, ct);
        return StatusCode(StatusCodes.Status202Accepted, SandboxActionResponse.From(reset));
    }

    /// <summary>Deletes a sandbox and all its data.</summary>
    [HttpDelete("sandboxes/{sandboxName}")]
    [ProducesResponseType<SandboxActionResponse>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> Delete(string sandboxName, CancellationToken ct)
    {
        var deleted = await sandboxes.DeleteAsync(caller.ImsOrg, sandboxName, caller.UserId, ct);
        return StatusCode(StatusCodes.Status202Accepted, SandboxActionResponse.From(deleted));
    }

    private static SandboxListResponse ToList(SandboxPage page, string path)
    {
        var next = page.HasMore ? new Link($"{path}?limit={page.Limit}&offset={page.Offset + page.Limit}") : null;
        return new SandboxListResponse(page.Sandboxes.Select(SandboxResponse.From).ToList(), new PageInfo(page.Limit, page.Sandboxes.Count), new PageLinks(next));
    }
}
