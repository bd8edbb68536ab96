using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>A batch's related object: <c>GET /batches?dataSet={id}</c> keeps batches whose <c>relatedObjects</c>
/// hold <c>{"type":"dataSet","id":...}</c> for one of the ids (catalog.yaml, GET /batches <c>dataSet</c>).</summary>
public sealed record RelatedObjectFilter(string Type, IReadOnlyList<string> Ids) : CatalogFilter
{
    public override string Property => "relatedObjects";

    public override bool Matches(string id, JsonObject item) =>
        item["relatedObjects"] is JsonArray related
        && related.OfType<JsonObject>().Any(r =>
            CatalogValues.Text(r["type"]) == Type && CatalogValues.Text(r["id"]) is { } id && Ids.Contains(id, StringComparer.Ordinal));
}
