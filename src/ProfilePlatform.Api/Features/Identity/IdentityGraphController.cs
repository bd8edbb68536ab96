using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Identity.Clusters;

namespace ProfilePlatform.Api.Features.Identity;

/// <summary>Identity Service's graph API (identity-service.yaml <c>POST /identity/v2/graph</c>), the current way to
/// read linked identities: a set of members or a graph of vertices and edges with their provenance.</summary>
[ApiController]
[Route("data/core/identity/v2")]
[AepService(AepErrorFormat.IdentityGraph)]
[Tags("Identity Service")]
public sealed class IdentityGraphController(GraphQueryService graphs) : ControllerBase
{
    [HttpPost("graph")]
    public async Task<JsonObject> Graph(CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToElement(await JsonBody.ReadAsync(Request, ct));
        var answer = await graphs.GraphsAsync(body, ct);
        Response.Headers.CacheControl = "no-cache";
        return answer;
    }
}
