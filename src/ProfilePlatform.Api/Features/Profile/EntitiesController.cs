using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Profile;

/// <summary>Real-Time Customer Profile entities (profile.yaml <c>/ups/access/entities</c>, help/profile/api/entities.md):
/// a merged profile by identity or XID, a profile's experience events with paging, bulk lookups by POST, and DELETE
/// (202, empty body). Errors in Profile's <c>{"message","cause","statusCode"}</c> shape.</summary>
/// <remarks>POST bodies are read as JSON when sent as <c>text/plain</c> too, as for merge policies: Adobe's Postman
/// collection sends its <c>{{body}}</c> without a Content-Type [unverified: whether AEP accepts that].</remarks>
[ApiController]
[Route("data/core/ups/access/entities")]
[AepService(AepErrorFormat.Profile)]
[Tags("Real-Time Customer Profile")]
public sealed class EntitiesController(ProfileEntityService entities, TenancyContext tenancy) : ControllerBase
{
    /// <summary>A profile GET checks the sandbox in its one statement (<see cref="SandboxCheckedByEndpointAttribute"/>);
    /// an events GET reads more, so it has the gateway's check run first.</summary>
    /// <remarks>A profile is written straight from the merged records (<see cref="JsonWriterResult"/>); an events
    /// page goes through the JSON object model.</remarks>
    [HttpGet]
    [SandboxCheckedByEndpoint]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(CancellationToken ct)
    {
        var query = EntityQuery.Parse(QueryParameters());
        if (!query.IsEvents)
        {
            var profile = await entities.GetProfileAsync(tenancy.Tenant, query, ct);
            return new JsonWriterResult(writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName(profile.EntityId);
                profile.WriteTo(writer, query.Options.Fields);
                writer.WriteEndObject();
            });
        }

        await tenancy.VerifySandboxAsync(ct);
        return Ok(await entities.GetAsync(tenancy.Tenant, query, ct));
    }

    [HttpPost]
    [AepConsumes("application/json", "text/plain")]
    public async Task<JsonObject> Post(CancellationToken ct) =>
        await entities.BulkAsync(tenancy.Tenant, EntityBulkRequest.Parse(await JsonBody.ReadAsync(Request, ct)), ct);

    /// <summary>202 Accepted with no body (profile.yaml); the deletion is done when the answer is sent.</summary>
    [HttpDelete]
    public async Task<IActionResult> Delete(CancellationToken ct)
    {
        await entities.DeleteAsync(tenancy.Tenant, EntityDeleteQuery.Parse(QueryParameters()), ct);
        return StatusCode(StatusCodes.Status202Accepted);
    }

    /// <summary>The query's parameters in request order, each value of a repeated one separately.</summary>
    private List<KeyValuePair<string, string>> QueryParameters() =>
        [.. Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty)))];
}
