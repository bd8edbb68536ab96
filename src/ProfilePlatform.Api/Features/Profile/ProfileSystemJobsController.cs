using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Profile.SystemJobs;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Profile;

/// <summary>Profile system jobs — delete requests for a dataset's or an ExperienceEvent batch's Profile data (profile.yaml
/// <c>/ups/system/jobs</c>, help/profile/api/profile-system-jobs.md): create (200, <c>NEW</c>), list with paging, look up,
/// remove (200, empty body). The deletion runs in the background; the job moves to <c>PROCESSING</c>, then <c>SUCCESS</c> or
/// <c>ERROR</c>.</summary>
[ApiController]
[Route("data/core/ups/system/jobs")]
[AepService(AepErrorFormat.Profile)]
[Tags("Real-Time Customer Profile")]
public sealed class ProfileSystemJobsController(ProfileSystemJobService jobs, TenancyContext tenancy) : ControllerBase
{
    [HttpGet]
    public Task<JsonObject> List(CancellationToken ct) =>
        jobs.ListAsync(Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal), ct);

    [HttpPost]
    [AepConsumes("application/json", "text/plain")]
    public async Task<JsonObject> Create(CancellationToken ct) =>
        await jobs.CreateAsync(tenancy.Tenant, await JsonBody.ReadAsync(Request, ct), ct);

    [HttpGet("{id}")]
    public Task<JsonObject> Get(string id, CancellationToken ct) => jobs.GetAsync(id, ct);

    /// <summary>200 with an empty body (profile.yaml: "returns HTTP Status 200 (OK) and an empty response body").</summary>
    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id, CancellationToken ct)
    {
        await jobs.DeleteAsync(id, ct);
        return Ok();
    }
}
