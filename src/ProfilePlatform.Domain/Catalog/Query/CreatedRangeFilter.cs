using System.Globalization;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary><c>createdAfter</c> / <c>createdBefore</c>: epoch milliseconds, both exclusive (catalog.yaml,
/// help/catalog/api/filter-data.md §"Filter by date range").</summary>
public sealed record CreatedRangeFilter(long? After, long? Before) : CatalogFilter
{
    public override string Property => "created";

    public override bool Matches(string id, JsonObject item) =>
        CatalogValues.Text(item["created"]) is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var created)
        && (After is not { } a || created > a)
        && (Before is not { } b || created < b);
}
