using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The changes between two versions of a resource as the audit log lists them: <c>add</c>, <c>replace</c> and
/// <c>remove</c> operations on JSON Pointer paths (help/xdm/api/audit-log.md).</summary>
/// <remarks>Objects are compared key by key so a new field shows as one <c>add</c> at its own path; arrays and scalars
/// that differ are replaced whole, which keeps the trail readable for <c>allOf</c> and <c>meta:extends</c>.</remarks>
public static class XdmJsonDiff
{
    /// <summary>One change: the action, the JSON Pointer path and, except for <c>remove</c>, the new value.</summary>
    public sealed record Change(string Action, string Path, JsonNode? Value);

    public static IReadOnlyList<Change> Between(JsonObject before, JsonObject after, IReadOnlySet<string> ignoredTopLevel)
    {
        var changes = new List<Change>();
        Compare(before, after, "", changes, ignoredTopLevel);
        return changes;
    }

    private static void Compare(JsonObject before, JsonObject after, string path, List<Change> changes, IReadOnlySet<string>? ignored)
    {
        foreach (var (key, value) in after)
        {
            if (ignored?.Contains(key) == true)
            {
                continue;
            }

            var at = path + "/" + Escape(key);
            if (!before.TryGetPropertyValue(key, out var old))
            {
                changes.Add(new Change("add", at, value?.DeepClone()));
            }
            else if (old is JsonObject o && value is JsonObject n)
            {
                Compare(o, n, at, changes, null);
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                changes.Add(new Change("replace", at, value?.DeepClone()));
            }
        }

        foreach (var (key, _) in before)
        {
            if (ignored?.Contains(key) != true && !after.ContainsKey(key))
            {
                changes.Add(new Change("remove", path + "/" + Escape(key), null));
            }
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
