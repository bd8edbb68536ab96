using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.Catalog;

/// <summary>Catalog datasets (catalog.yaml <c>/dataSets</c>, help/catalog/api/*.md): list and lookup answer an object
/// keyed by id; create, replace, patch and delete answer <c>["@/dataSets/{id}"]</c>.</summary>
[ApiController]
[Route(CatalogRequests.Base)]
[AepService(AepErrorFormat.Generic)]
[Tags("Catalog")]
public sealed class DataSetsController(DatasetService datasets, DataSetFileService files, AepCaller caller, TenancyContext tenancy) : ControllerBase
{
    [HttpGet("dataSets")]
    public Task<JsonObject> List(CancellationToken ct) =>
        datasets.ListAsync(CatalogRequests.ListQuery(Request, CatalogQueryRules.DataSets), ct);

    [HttpPost("dataSets")]
    [AepConsumes("application/json")]
    public async Task<IActionResult> Create([FromBody] JsonNode? body, CancellationToken ct)
    {
        var dataset = await datasets.CreateAsync(tenancy.Tenant, caller.Author(), CatalogRequests.Object(body), ct);
        Response.Headers.Location = $"/{CatalogRequests.Base}/dataSets/{dataset.Id}";
        return StatusCode(StatusCodes.Status201Created, CatalogRequests.References("dataSets", dataset.Id));
    }

    /// <summary>One dataset, or several: <c>GET /dataSets/{ID_1},{ID_2}</c> (help/catalog/api/look-up-multiple-objects.md).</summary>
    [HttpGet("dataSets/{ids}")]
    public async Task<JsonObject> Get(string ids, CancellationToken ct)
    {
        var projection = CatalogRequests.Projection(Request, CatalogQueryRules.DataSets);
        if (ids.Contains(',', StringComparison.Ordinal))
        {
            return await datasets.GetAsync(ids, projection, ct);
        }

        var dataset = await datasets.FindAsync(ids, ct);
        Response.Headers.ETag = $"\"{dataset.Version}\""; // help/catalog/api/appendix.md: the version, for If-Match
        return new JsonObject { [dataset.Id] = projection.Project(dataset.ToJson()) };
    }

    [HttpPut("dataSets/{id}")]
    [AepConsumes("application/json")]
    public async Task<string[]> Replace(string id, [FromBody] JsonNode? body, CancellationToken ct)
    {
        var dataset = await datasets.ReplaceAsync(id, CatalogRequests.Object(body), caller.Author(), Request.Headers.IfMatch.ToString(), ct);
        return CatalogRequests.References("dataSets", dataset.Id);
    }

    /// <summary>Fields to merge (<c>application/json</c>) or JSON Patch operations (<c>application/json-patch+json</c>).</summary>
    [HttpPatch("dataSets/{id}")]
    [AepConsumes("application/json", "application/json-patch+json")]
    public async Task<string[]> Patch(string id, [FromBody] JsonNode? body, CancellationToken ct)
    {
        var dataset = await datasets.PatchAsync(id, body ?? throw CatalogJson.Invalid("The request body is null: send the fields to change."), caller.Author(), Request.Headers.IfMatch.ToString(), ct);
        return CatalogRequests.References("dataSets", dataset.Id);
    }

    /// <summary>Deletes the dataset with its data; an unknown id answers 200 with <c>[]</c> (help/catalog/api/delete-object.md).</summary>
    [HttpDelete("dataSets/{id}")]
    public async Task<string[]> Delete(string id, CancellationToken ct) =>
        await datasets.DeleteAsync(id, ct) ? CatalogRequests.References("dataSets", id) : [];

    /// <summary>The dataset's files, the target of its <c>files</c> link (help/catalog/api/appendix.md).</summary>
    [HttpGet("dataSets/{id}/views/{viewId}/files")]
    public Task<JsonObject> ViewFiles(string id, string viewId, CancellationToken ct) =>
        files.ListForViewAsync(id, viewId, CatalogRequests.ListQuery(Request, CatalogQueryRules.DataSetFiles), ct);
}
