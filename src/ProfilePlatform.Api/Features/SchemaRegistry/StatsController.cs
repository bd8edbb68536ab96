using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Api.Features.SchemaRegistry;

/// <summary><c>GET /stats</c>: the organization's tenant id and what this sandbox holds (no Accept header needed).</summary>
[ApiController]
[Route(SchemaRegistryRoutes.Base)]
[AepService(AepErrorFormat.Xdm)]
[Tags("Schema Registry")]
public sealed class StatsController(SchemaRegistryService registry, AepCaller caller) : ControllerBase
{
    [HttpGet("stats")]
    public async Task<JsonObject> Get(CancellationToken ct) => await registry.StatsAsync(caller.AsAuthor(), ct);
}
