using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Streaming;

/// <summary>The older inlet API (<c>/data/core/edge/inlet</c>, streaming-ingestion.yaml's "Data inlet management" base path),
/// which existing integrations still call: create, list, look up and delete the sandbox's inlets. The same inlets are Flow
/// Service HTTP API connections when made there.</summary>
/// <remarks>Create answers 201 and delete 204 [unverified: the docs show the bodies, not the statuses]; the list is
/// <c>{"items":[...],"total":n}</c> as the docs show it.</remarks>
[ApiController]
[Route("data/core/edge/inlet")]
[AepService(AepErrorFormat.Generic)]
[Tags("Streaming Ingestion")]
public sealed class InletsController(StreamingInletService inlets, InletCache cache, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpPost]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var request = body as JsonObject ?? throw new AepException(ErrorCatalog.Common.BadRequest, "The request body must be a JSON object: {\"name\", \"description\", \"sourceId\", \"dataType\": \"xdm\"}.");
        var inlet = await inlets.CreateAsync(tenancy.Tenant, request, caller.ClientId, caller.UserId, null, ct);
        Response.Headers.Location = $"/data/core/edge/inlet/{inlet.InletId}";
        return StatusCode(StatusCodes.Status201Created, inlet.ToJson(CollectionUrls.Base(Request)));
    }

    [HttpGet]
    public async Task<JsonObject> List(CancellationToken ct)
    {
        var all = await inlets.ListAsync(ct);
        var collection = CollectionUrls.Base(Request);
        return new JsonObject
        {
            ["items"] = new JsonArray([.. all.Select(i => (JsonNode)i.ToJson(collection))]),
            ["total"] = all.Count,
        };
    }

    [HttpGet("{inletId}")]
    public async Task<JsonObject> Get(string inletId, CancellationToken ct) =>
        (await inlets.FindAsync(inletId, ct)).ToJson(CollectionUrls.Base(Request));

    [HttpDelete("{inletId}")]
    public async Task<IActionResult> Delete(string inletId, CancellationToken ct)
    {
        await inlets.DeleteAsync(inletId, ct);
        cache.Forget(inletId);
        return NoContent();
    }
}
