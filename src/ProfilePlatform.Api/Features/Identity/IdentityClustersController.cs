using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Identity.Clusters;

namespace ProfilePlatform.Api.Features.Identity;

/// <summary>Identity Service's cluster endpoints, from the identity graph: members (identity-service.yaml
/// <c>listClusterMembers</c>, <c>getListOfClusterMembers</c>; deprecated by AEP in favour of <c>v2/graph</c> but still
/// served and used by Adobe's collection), history (help/identity-service/api/list-cluster-history.md) and mappings
/// (list-identity-mappings.md). GETs name one identity by <c>xid</c>, <c>nsid</c>/<c>nsId</c> + <c>id</c> or
/// <c>namespace</c>/<c>ns</c> + <c>id</c>; POSTs up to 1000.</summary>
[ApiController]
[Route("data/core/identity")]
[AepService(AepErrorFormat.IdentityCluster)]
[Tags("Identity Service")]
public sealed class IdentityClustersController(ClusterQueryService clusters) : ControllerBase
{
    private static readonly (string, IdentityAddressing)[] ClusterKeys =
        [("xids", IdentityAddressing.Xid), ("compositeXids", IdentityAddressing.NamespaceId), ("compositeXidsWithNamespace", IdentityAddressing.NamespaceCode)];

    [HttpGet("cluster/members")]
    public async Task<JsonObject> Members([FromQuery] IdentityQuery query, [FromQuery(Name = "graph-type")] string? graphType, CancellationToken ct) =>
        NoCache(await clusters.MembersAsync(query.Reference(Request), graphType, ct));

    [HttpPost("clusters/members")]
    public async Task<JsonObject> MembersOfMany(CancellationToken ct)
    {
        var body = await BodyAsync(ct);
        return NoCache(await clusters.MembersAsync(IdentityRequests.FromBody(body, ClusterKeys), IdentityRequests.StringProperty(body, "graph-type"), ct));
    }

    [HttpGet("cluster/history")]
    public async Task<JsonObject> History([FromQuery] IdentityQuery query, [FromQuery(Name = "graph-type")] string? graphType, CancellationToken ct) =>
        NoCache(await clusters.HistoryAsync(query.Reference(Request), graphType, ct));

    [HttpPost("clusters/history")]
    public async Task<JsonObject> HistoryOfMany(CancellationToken ct)
    {
        var body = await BodyAsync(ct);
        return NoCache(await clusters.HistoryAsync(IdentityRequests.FromBody(body, ClusterKeys), IdentityRequests.StringProperty(body, "graph-type"), ct));
    }

    /// <summary>204 without a body when no related identity was found (list-identity-mappings.md).</summary>
    [HttpGet("mapping")]
    public async Task<IActionResult> Mapping([FromQuery] IdentityQuery query, [FromQuery] string? targetNs, [FromQuery(Name = "graph-type")] string? graphType, CancellationToken ct) =>
        Answer(await clusters.MappingsAsync(query.Reference(Request), targetNs, graphType, ct));

    [HttpPost("mappings")]
    public async Task<IActionResult> Mappings(CancellationToken ct)
    {
        var body = await BodyAsync(ct);
        return Answer(await clusters.MappingsAsync(
            IdentityRequests.FromBody(body, ClusterKeys), IdentityRequests.StringProperty(body, "targetNs"), IdentityRequests.StringProperty(body, "graph-type"), ct));
    }

    private IActionResult Answer(JsonObject? body) => body is null ? NoContent() : Ok(NoCache(body));

    private JsonObject NoCache(JsonObject body)
    {
        Response.Headers.CacheControl = "no-cache"; // identity-service.yaml's 200 headers
        return body;
    }

    private async Task<JsonElement> BodyAsync(CancellationToken ct) =>
        JsonSerializer.SerializeToElement(await JsonBody.ReadAsync(Request, ct));
}
