using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>The object's own id (the key it is listed under) is one of the ids: <c>GET /batches?batch={id}</c>,
/// <c>GET /lastBatches?dataSetId=a,b</c> (catalog.yaml).</summary>
public sealed record IdFilter(IReadOnlyList<string> Ids) : CatalogFilter
{
    public override string Property => "id";

    public override bool Matches(string id, JsonObject item) => Ids.Contains(id, StringComparer.Ordinal);
}
