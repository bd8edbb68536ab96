using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Catalog;

/// <summary>Catalog's batches (catalog.yaml <c>/batches</c>, <c>/lastBatches</c>): list and lookup keyed by id, and
/// Catalog's own <c>POST /batches</c>. Files and status changes go through Batch Ingestion (<c>/data/foundation/import</c>).</summary>
[ApiController]
[Route(CatalogRequests.Base)]
[AepService(AepErrorFormat.Generic)]
[Tags("Catalog")]
public sealed class BatchesController(BatchService batches, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpGet("batches")]
    public Task<JsonObject> List(CancellationToken ct) =>
        batches.ListAsync(CatalogRequests.ListQuery(Request, CatalogQueryRules.Batches), ct);

    [HttpPost("batches")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var batch = await batches.CreateAsync(tenancy.Tenant, caller.Author(), CatalogRequests.Object(body), ct);
        Response.Headers.Location = $"/{CatalogRequests.Base}/batches/{batch.Id}";
        return StatusCode(StatusCodes.Status201Created, CatalogRequests.References("batches", batch.Id));
    }

    /// <summary>The distinct values of one field among the selected batches (catalog.yaml, marked "to be deprecated").</summary>
    [HttpGet("batches/uniques/{field}")]
    public Task<JsonArray> Uniques(string field, CancellationToken ct) =>
        batches.UniquesAsync(field, CatalogRequests.ListQuery(Request, CatalogQueryRules.Batches), ct);

    [HttpGet("batches/{ids}")]
    public Task<JsonObject> Get(string ids, CancellationToken ct) =>
        batches.GetAsync(ids, CatalogRequests.Projection(Request, CatalogQueryRules.Batches), ct);

    /// <summary>catalog.yaml <c>createBatchWithId</c>: Catalog's POST with the id chosen by the producer.</summary>
    [HttpPost("batches/{id}")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> CreateWithId(string id, [FromBody] JsonNode? body, CancellationToken ct)
    {
        var batch = await batches.CreateAsync(tenancy.Tenant, caller.Author(), CatalogRequests.Object(body), ct, id);
        Response.Headers.Location = $"/{CatalogRequests.Base}/batches/{batch.Id}";
        return StatusCode(StatusCodes.Status201Created, CatalogRequests.References("batches", batch.Id));
    }

    [HttpPut("batches/{id}")]
    [AepConsumes("application/json")]
    public async Task<string[]> Replace(string id, [FromBody] JsonNode? body, CancellationToken ct) =>
        CatalogRequests.References("batches", (await batches.UpdateAsync(id, CatalogRequests.Object(body), replace: true, caller.Author(), ct)).Id);

    [HttpPatch("batches/{id}")]
    [AepConsumes("application/json")]
    public async Task<string[]> Patch(string id, [FromBody] JsonNode? body, CancellationToken ct) =>
        CatalogRequests.References("batches", (await batches.UpdateAsync(id, CatalogRequests.Object(body), replace: false, caller.Author(), ct)).Id);

    /// <summary>Deprecated in catalog.yaml (use Batch Ingestion's REVERT); still answered, with the same effect plus <c>deleted</c>.</summary>
    [HttpDelete("batches/{id}")]
    public async Task<string[]> Delete(string id, CancellationToken ct) =>
        CatalogRequests.References("batches", (await batches.DeleteAsync(id, caller.Author(), ct)).Id);

    [HttpGet("lastBatches")]
    public Task<JsonObject> LastBatches(CancellationToken ct) =>
        batches.LastBatchesAsync(CatalogRequests.ListQuery(Request, CatalogQueryRules.LastBatches), ct);
}
