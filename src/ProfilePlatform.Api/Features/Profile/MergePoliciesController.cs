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
    [AepConsumes("application/json")]
    public async Task<IActionResult> BulkGet([FromBody] JsonNode? body, CancellationToken ct) =>
        StatusCode(StatusCodes.Status207MultiStatus, await policies.BulkGetAsync(tenancy.Tenant, body, ct));

    [HttpPost]
    [AepConsumes("application/json")]
    public Task<JsonObject> Create([FromBody] JsonNode? body, CancellationToken ct) => policies.CreateAsync(tenancy.Tenant, body, ct);

    [HttpPut("{id}")]
    [AepConsumes("application/json")]
    public Task<JsonObject> Replace(string id, [FromBody] JsonNode? body, CancellationToken ct) => policies.ReplaceAsync(tenancy.Tenant, id, body, ct);

    /// <summary>One operation object (the docs' form) or an array (the spec's); <c>application/json-patch+json</c> is taken too.</summary>
    [HttpPatch("{id}")]
    [AepConsumes("application/json", "application/json-patch+json")]
    public Task<JsonObject> Patch(string id, [FromBody] JsonNode? body, CancellationToken ct) => policies.PatchAsync(tenancy.Tenant, id, body, ct);

    /// <summary>200 with an empty body ("A successful delete request returns HTTP Status 200 (OK) and an empty response body").</summary>
    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(string id, CancellationToken ct)
    {
        await policies.DeleteAsync(tenancy.Tenant, id, ct);
        return Ok();
    }
}
