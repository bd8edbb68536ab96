using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>JSON Patch (RFC 6902) on a Catalog object's writable properties: <c>PATCH</c> with
/// <c>Content-Type: application/json-patch+json</c> (help/catalog/api/update-object.md), e.g.
/// <c>[{"op":"add","path":"/tags/unifiedProfile","value":["enabled:true"]}]</c>
/// (help/catalog/datasets/enable-for-profile.md).</summary>
/// <remarks>All operations apply to a copy, in order; the first that fails is a 400 naming its index, and nothing
/// changes. A path into a read-only property (<c>/version</c>, <c>/files</c>...) is refused.</remarks>
public static class CatalogJsonPatch
{
    /// <summary>Most operations one patch may hold.</summary>
    public const int MaxOperations = 100;

    public static JsonObject Apply(JsonObject document, JsonArray operations, IReadOnlySet<string> readOnly)
    {
        if (operations.Count > MaxOperations)
        {
            throw CatalogJson.Invalid($"The JSON Patch has {operations.Count} operations; at most {MaxOperations} are accepted.");
        }

        JsonNode result = document.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op)
            {
                throw Bad(i, $"is {CatalogJson.Kind(operations[i])}; each operation is an object like {{\"op\":\"add\",\"path\":\"/name\",\"value\":\"...\"}}");
            }

            var name = CatalogJson.OptionalString(op["op"], $"[{i}].op");
            var path = Pointer(op["path"], i, "path", readOnly);
            result = name switch
            {
                "add" => Add(result, path, Value(op, i), i),
                "remove" => Remove(result, path, i).Document,
                "replace" => Replace(result, path, Value(op, i), i),
                "move" => Move(result, Pointer(op["from"], i, "from", readOnly), path, i),
                "copy" => Add(result, path, Get(result, Pointer(op["from"], i, "from", readOnly), i)?.DeepClone(), i),
                "test" => Test(result, path, Value(op, i), i),
                _ => throw Bad(i, $"has op '{name}': use add, remove, replace, move, copy or test"),
            };
        }

        return result as JsonObject ?? throw Bad(operations.Count - 1, "replaces the whole object with a non-object");
    }

    private static JsonNode Replace(JsonNode doc, string[] path, JsonNode? value, int i)
    {
        switch (Get(doc, path[..^1], i))
        {
            case JsonObject o when o.ContainsKey(path[^1]):
                o[path[^1]] = value;
                return doc;
            case JsonArray a:
                a[Index(path[^1], a.Count, inclusive: false, i)] = value;
                return doc;
            default:
                throw Bad(i, $"names '/{string.Join('/', path)}', which does not exist");
        }
    }

    private static JsonNode Move(JsonNode doc, string[] from, string[] to, int i)
    {
        if (to.Length > from.Length && to.Take(from.Length).SequenceEqual(from, StringComparer.Ordinal))
        {
            throw Bad(i, "moves a value into itself");
        }

        var (rest, value) = Remove(doc, from, i);
        return Add(rest, to, value, i);
    }

    private static JsonNode Test(JsonNode doc, string[] path, JsonNode? expected, int i) =>
        JsonNode.DeepEquals(Get(doc, path, i), expected) ? doc : throw Bad(i, $"tests '/{string.Join('/', path)}' and the value differs");

    private static JsonNode Add(JsonNode doc, string[] path, JsonNode? value, int i)
    {
        if (path.Length == 0)
        {
            return value ?? throw Bad(i, "replaces the whole object with null");
        }

        var parent = Get(doc, path[..^1], i);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a:
                var index = last == "-" ? a.Count : Index(last, a.Count, inclusive: true, i);
                a.Insert(index, value);
                break;
            default:
                throw Bad(i, $"adds under '/{string.Join('/', path[..^1])}', which is not an object or array");
        }

        return doc;
    }

    private static (JsonNode Document, JsonNode? Value) Remove(JsonNode doc, string[] path, int i)
    {
        if (path.Length == 0)
        {
            throw Bad(i, "removes the whole object");
        }

        var parent = Get(doc, path[..^1], i);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var value):
                o.Remove(last);
                return (doc, value);
            case JsonArray a:
                var index = Index(last, a.Count, inclusive: false, i);
                var item = a[index];
                a.RemoveAt(index);
                return (doc, item);
            default:
                throw Bad(i, $"names '/{string.Join('/', path)}', which does not exist");
        }
    }

    private static JsonNode? Get(JsonNode doc, string[] path, int i)
    {
        JsonNode? node = doc;
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a => a[Index(segment, a.Count, inclusive: false, i)],
                _ => throw Bad(i, $"names '/{string.Join('/', path)}', which does not exist"),
            };
        }

        return node;
    }

    private static int Index(string segment, int count, bool inclusive, int i) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && (index < count || (inclusive && index == count))
        && (segment == "0" || !segment.StartsWith('0'))
            ? index
            : throw Bad(i, $"uses array index '{segment}', which is not in 0..{(inclusive ? count : count - 1)}");

    private static JsonNode? Value(JsonObject op, int i) =>
        op.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw Bad(i, "has no 'value'");

    private static string[] Pointer(JsonNode? node, int i, string member, IReadOnlySet<string> readOnly)
    {
        var pointer = CatalogJson.OptionalString(node, $"[{i}].{member}") ?? throw Bad(i, $"has no '{member}' (a JSON Pointer like /tags/unifiedProfile)");
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw Bad(i, $"has {member} '{Short(pointer)}', which is not a JSON Pointer: start it with '/'");
        }

        var segments = pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (segments.Length == 0)
        {
            throw Bad(i, $"targets the whole object: name a property, e.g. /name");
        }

        if (readOnly.Contains(segments[0]))
        {
            throw Bad(i, $"targets '{segments[0]}', which Catalog maintains and cannot be changed");
        }

        return segments;
    }

    private static ProfilePlatform.Domain.Errors.AepException Bad(int index, string problem) =>
        CatalogJson.Invalid($"JSON Patch operation [{index}] {problem}.");

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";

    /// <summary>Whether a body is a JSON Patch document (an array of operations) rather than fields to merge.</summary>
    public static bool IsPatchDocument(JsonNode? body) => body?.GetValueKind() == JsonValueKind.Array;
}
