using System.Text.Json;
using ProfilePlatform.Domain.Identity.Graph;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>A link's provenance as <c>identity_links.sources</c> keeps it: a JSON array of
/// <c>{"dataset":"…","batch":"…","at":&lt;Unix milliseconds&gt;}</c>, one per (dataset, batch), ordered by dataset then
/// batch (ordinal).</summary>
/// <remarks>Why in the link's row rather than a row each: a record's links are written with the record's batch, and a
/// row per source cost every link a second row and a second B-tree insertion at a random position — about a fifth of a
/// Profile batch's time (docs/performance.md). The sources are only ever read with their link (a graph's links are
/// loaded whole) or searched by dataset, which scans the tenant's links either way.</remarks>
internal static class StoredLinkSources
{
    public static string Write(IEnumerable<LinkSource> sources)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var source in sources.OrderBy(s => s.DatasetId, StringComparer.Ordinal).ThenBy(s => s.BatchId, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("dataset", source.DatasetId);
                writer.WriteString("batch", source.BatchId);
                writer.WriteNumber("at", source.At.ToUnixTimeMilliseconds());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static List<LinkSource> Read(string json)
    {
        var sources = new List<LinkSource>(2);
        using var document = JsonDocument.Parse(json);
        foreach (var source in document.RootElement.EnumerateArray())
        {
            sources.Add(new LinkSource(
                source.GetProperty("dataset").GetString()!,
                source.GetProperty("batch").GetString()!,
                DateTimeOffset.FromUnixTimeMilliseconds(source.GetProperty("at").GetInt64())));
        }

        sources.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.DatasetId, b.DatasetId);
            return c != 0 ? c : string.CompareOrdinal(a.BatchId, b.BatchId);
        });
        return sources;
    }

    /// <summary>The text a link's <c>sources</c> holds when <paramref name="datasetId"/> is one of them: what dataset
    /// deletion and batch revert search for (<see cref="Write"/> writes no whitespace).</summary>
    public static string DatasetPattern(string datasetId) => "\"dataset\":" + JsonSerializer.Serialize(datasetId);
}
