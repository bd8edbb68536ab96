using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Profile;

/// <summary>Real-Time Customer Profile merge policies (profile.yaml <c>/ups/config/mergePolicies</c>,
/// help/profile/api/merge-policies.md): list with filters and paging, lookup, bulk lookup (207), create (200),
/// PUT, PATCH with one operation or an array of them, and DELETE (200, empty body).</summary>
/// <remarks>Bodies are read as JSON when sent as <c>text/plain</c> too: Adobe's Postman collection sends them without a
/// Content-Type [unverified: whether AEP itself accepts that].</remarks>
[ApiController]
[Route("data/core/ups/config/mergePolicies")]
[AepService(AepErrorFormat.Profile)]
[Tags("Real-Time Customer Profile")]
public sealed class MergePoliciesController(MergePolicyService policies, TenancyContext tenancy) : ControllerBase
{
    [HttpGet]
    public Task<JsonObject> List(CancellationToken ct)
    {
        var query = Request.Query.ToDictionary(
            q => q.Key,
            q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? "")],
            StringComparer.Ordinal);
        return policies.ListAsync(tenancy.Tenant, MergePolicyQuery.Parse(query), ct);
    }

    [HttpGet("{id}")]
    public Task<JsonObject> Get(string id, CancellationToken ct) => policies.GetAsync(tenancy.Tenant, id, ct);

    [HttpPost("bulk-get")]
    [AepConsumes("application/json", "text/plain")]
    public async Task<IActionResult> BulkGet(CancellationToken ct) =>
        StatusCode(StatusCodes.Status207MultiStatus, await policies.BulkGetAsync(tenancy.Tenant, await JsonBody.ReadAsync(Request, ct), ct));

    [HttpPost]
    [AepConsumes("application/json", "text/plain")]
    public async Task<JsonObject> Create(CancellationToken ct) =>
        await policies.CreateAsync(tenancy.Tenant, await JsonBody.ReadAsync(Request, ct), ct);

    [HttpPut("{id}")]
    [AepConsumes("application/json", "text/plain")]
    public async Task<JsonObject> Replace(string id, CancellationToken ct) =>
        await policies.ReplaceAsync(tenancy.Tenant, id, await JsonBody.ReadAsync(Request, ct), ct);

    /// <summary>One operation object (the docs' form) or an array (the spec's); <c>application/json-patch+json</c> is taken too.</summary>
    [HttpPatch("{id}")]
    [AepConsumes("application/json", "application/json-patch+json", "text/plain")]
    public async Task<JsonObject> Patch(string id, CancellationToken ct) =>
        await policies.PatchAsync(tenancy.Tenant, id, await JsonBody.ReadAsync(Request, ct), ct);

    /// <summary>200 with an empty body ("A successful delete request returns HTTP Status 200 (OK) and an empty response body").</summary>
    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id, CancellationToken ct)
    {
        await policies.DeleteAsync(tenancy.Tenant, id, ct);
        return Ok();
    }
}
