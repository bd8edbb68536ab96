using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;

namespace ProfilePlatform.Api.Features.Catalog;

/// <summary>Dataset files (help/catalog/api/list-objects.md, <c>dataSetFiles</c>): list and lookup keyed by id. Batch
/// ingestion writes them; until a batch has files the lists are empty.</summary>
[ApiController]
[Route(CatalogRequests.Base)]
[AepService(AepErrorFormat.Generic)]
[Tags("Catalog")]
public sealed class DataSetFilesController(DataSetFileService files) : ControllerBase
{
    [HttpGet("dataSetFiles")]
    public Task<JsonObject> List(CancellationToken ct) =>
        files.ListAsync(CatalogRequests.ListQuery(Request, CatalogQueryRules.DataSetFiles), ct);

    [HttpGet("dataSetFiles/{ids}")]
    public Task<JsonObject> Get(string ids, CancellationToken ct) =>
        files.GetAsync(ids, CatalogRequests.Projection(Request, CatalogQueryRules.DataSetFiles), ct);
}
