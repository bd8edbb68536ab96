using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>One error of a batch: a code such as <c>INGEST-1212-400</c>, a description, and the rows or record count
/// it concerns (catalog.yaml <c>errors</c>; help/ingestion/batch-ingestion/partial.md).</summary>
public sealed record BatchError(string Code, string Description, long? RecordCount = null, IReadOnlyList<string>? Rows = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["code"] = Code, ["description"] = Description };
        if (RecordCount is { } count)
        {
            json["recordCount"] = count;
        }

        if (Rows is { Count: > 0 })
        {
            json["rows"] = new JsonArray([.. Rows.Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        return json;
    }
}
