using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Api.Features.Streaming;
using ProfilePlatform.Domain.FlowService;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.FlowService;

/// <summary>Flow Service base connections (flow-service.yaml <c>/connections</c>, <c>/connections/{BASE_CONNECTION_ID}</c>), the
/// slice streaming needs: an HTTP API connection is created (201 <c>{id, etag}</c>) and looked up (<c>{"items":[...]}</c>, as
/// every Flow Service lookup answers).</summary>
[ApiController]
[Route("data/foundation/flowservice/connections")]
[AepService(AepErrorFormat.Flow)]
[Tags("Flow Service")]
public sealed class ConnectionsController(FlowConnectionService connections, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpPost]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var inlet = await connections.CreateAsync(tenancy.Tenant, body as JsonObject, caller.ClientId, caller.UserId, ct);
        Response.Headers.Location = $"/data/foundation/flowservice/connections/{inlet.ConnectionId}";
        return StatusCode(StatusCodes.Status201Created, new JsonObject { ["id"] = inlet.ConnectionId, ["etag"] = inlet.Etag });
    }

    [HttpGet("{connectionId}")]
    public async Task<JsonObject> Get(string connectionId, CancellationToken ct)
    {
        var inlet = await connections.FindAsync(connectionId, ct);
        return new JsonObject { ["items"] = new JsonArray(inlet.ToConnectionJson(CollectionUrls.Base(Request))) };
    }
}
