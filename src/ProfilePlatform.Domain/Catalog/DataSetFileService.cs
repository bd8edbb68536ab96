using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Dataset files: <c>GET /dataSetFiles</c>, one or several by id, and a dataset view's files — the
/// <c>files</c> link of a dataset (help/catalog/api/appendix.md). Batch ingestion writes them.</summary>
public sealed class DataSetFileService(IDataSetFileStore files, IDatasetStore datasets)
{
    public Task<JsonObject> ListAsync(CatalogQuery query, CancellationToken ct) =>
        CatalogLookup.ListAsync(query, files.Columns, q => files.QueryAsync(q, ct), f => f.Id, f => f.ToJson());

    public async Task<JsonObject> GetAsync(string idSegment, CatalogQuery projection, CancellationToken ct)
    {
        var ids = CatalogLookup.Ids(idSegment);
        var found = ids.Count == 0 ? [] : await files.FindManyAsync(ids, ct);
        return CatalogLookup.Keyed(ids, found, f => f.Id, f => f.ToJson(), projection, "dataSetFiles", idSegment);
    }

    /// <summary><c>GET /dataSets/{id}/views/{viewId}/files</c>: 404 unless the dataset exists with that view.</summary>
    public async Task<JsonObject> ListForViewAsync(string dataSetId, string viewId, CatalogQuery query, CancellationToken ct)
    {
        var dataset = CatalogIds.IsPlausible(dataSetId) ? await datasets.FindAsync(dataSetId, ct) : null;
        if (dataset is null || dataset.ViewId != viewId)
        {
            throw new AepException(
                ErrorCatalog.Catalog.NotFound,
                dataset is null
                    ? $"No dataset with id '{Short(dataSetId)}' exists in this sandbox: list them with GET /dataSets."
                    : $"Dataset {dataset.Id} has no view '{Short(viewId)}': follow the dataset's 'files' link ({dataset.Files}).");
        }

        return await CatalogLookup.ListAsync(
            query,
            files.Columns,
            q => files.QueryAsync(q with { Equal = [.. q.Equal, new("dataSetViewId", [viewId])] }, ct),
            f => f.Id,
            f => f.ToJson());
    }

    private static string Short(string text) => text.Length <= 128 ? text : text[..128] + "...";
}
