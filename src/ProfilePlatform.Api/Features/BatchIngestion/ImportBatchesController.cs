using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Api.Features.Catalog;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.BatchIngestion;

/// <summary>Batches of the Batch Ingestion API (batch-ingestion.yaml <c>/batches</c>, <c>/batches/{batchId}</c>): create a
/// batch for a dataset, then COMPLETE, ABORT or FAIL it. Both answer the batch object itself, not keyed by id
/// (help/ingestion/batch-ingestion/api-overview.md).</summary>
[ApiController]
[Route(ImportRequests.Base)]
[AepService(AepErrorFormat.Generic)]
[Tags("Batch Ingestion")]
public sealed class ImportBatchesController(BatchIngestionService batches, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpPost("batches")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var batch = await batches.CreateAsync(tenancy.Tenant, caller.Author(), ImportRequests.Object(body), ct);
        Response.Headers.Location = $"/{CatalogRequests.Base}/batches/{batch.Id}";
        return StatusCode(StatusCodes.Status201Created, batch.ToJson());
    }

    /// <summary><c>?action=COMPLETE|ABORT|FAIL|REVERT</c>; no body is read (the docs send none; Adobe's Postman collection
    /// sends an empty form).</summary>
    [HttpPost("batches/{batchId}")]
    public async Task<JsonObject> Act(string batchId, [FromQuery] string? action, CancellationToken ct) =>
        (await batches.ActAsync(tenancy.Tenant, caller.Author(), batchId, action, ct)).ToJson();
}
