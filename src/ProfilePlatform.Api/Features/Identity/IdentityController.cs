using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Api.Features.Identity;

/// <summary>Identity Service's identity lookup (identity-service.yaml <c>GET /identity/identity</c>,
/// help/identity-service/api/list-native-id.md): the XID of a namespace and value. The cluster, mapping and graph
/// endpoints are <see cref="IdentityClustersController"/> and <see cref="IdentityGraphController"/>.</summary>
[ApiController]
[Route("data/core/identity")]
[AepService(AepErrorFormat.Identity)]
[Tags("Identity Service")]
public sealed class IdentityController(XidService xids) : ControllerBase
{
    /// <summary><c>?namespace=Email&amp;id=jane@example.com</c> or <c>?nsid=6&amp;id=...</c> → <c>{"xid":"..."}</c>.</summary>
    [HttpGet("identity")]
    public async Task<JsonObject> Xid([FromQuery(Name = "namespace")] string? ns, [FromQuery] string? nsid, [FromQuery] string? id, CancellationToken ct)
    {
        var answer = await xids.XidAsync(ns, nsid, id, ct);
        Response.Headers.CacheControl = "no-cache"; // identity-service.yaml's 200 headers
        return answer;
    }
}
