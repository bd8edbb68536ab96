using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>A batch that replaces earlier ones (help/ingestion/batch-ingestion/api-overview.md "Replay a batch": "equivalent
/// to deleting the old batch and ingesting a new one instead"): its predecessors are reverted when it succeeds.</summary>
/// <param name="Predecessors">The ids of the batches it replaces.</param>
/// <param name="Reason">The requester's commentary ("replace", "Deletion of privacy data."...).</param>
public sealed record BatchReplay(IReadOnlyList<string> Predecessors, string? Reason)
{
    /// <summary><c>{"predecessors":[...],"reason":"..."}</c>, as the batch answers it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["predecessors"] = new JsonArray([.. Predecessors.Select(p => (JsonNode?)JsonValue.Create(p))]) };
        if (Reason is not null)
        {
            json["reason"] = Reason;
        }

        return json;
    }
}
