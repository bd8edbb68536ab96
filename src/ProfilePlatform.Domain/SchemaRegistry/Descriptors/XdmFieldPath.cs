using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>A descriptor's field path (<c>xdm:sourceProperty</c>, <c>xdm:destinationProperty</c>): a JSON Pointer into
/// an instance of the schema, so <c>/personalEmail/address</c>, never <c>/properties/personalEmail/properties/address</c>
/// (help/xdm/api/descriptors.md).</summary>
public static class XdmFieldPath
{
    public const int MaxLength = 1024;
    private const int MaxSegments = 64;

    /// <summary>Why <paramref name="path"/> is not a well-formed path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return "must begin with '/'";
        }

        if (path.Length == 1 || path[^1] == '/')
        {
            return "must name a field and not end with '/'";
        }

        if (path.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        var segments = path[1..].Split('/');
        if (segments.Length > MaxSegments)
        {
            return $"is deeper than {MaxSegments} fields";
        }

        return segments.Any(s => s.Length == 0) ? "has an empty segment ('//')" : null;
    }

    /// <summary>The field <paramref name="path"/> points to in a composed (<c>xed-full</c>) schema, or null.</summary>
    /// <remarks>Array items are stepped into (<c>/productListItems/SKU</c> is the SKU of each item); a segment
    /// <c>xdm:name</c> also matches the field <c>name</c>, the prefixed spelling older descriptors use (the friendly
    /// name example's <c>/xdm:eventType</c>).</remarks>
    public static JsonObject? Resolve(JsonObject composedSchema, string path)
    {
        if (Problem(path) is not null)
        {
            return null;
        }

        JsonObject container = composedSchema;
        JsonObject? field = null;
        foreach (var raw in path[1..].Split('/'))
        {
            var name = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (container["properties"] is not JsonObject properties)
            {
                return null;
            }

            field = properties[name] as JsonObject
                ?? (name.StartsWith("xdm:", StringComparison.Ordinal) ? properties[name[4..]] as JsonObject : null);
            if (field is null)
            {
                return null;
            }

            container = field;
            while (container["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                   && container["type"]!.GetValue<string>() == "array"
                   && container["items"] is JsonObject items)
            {
                container = items;
            }
        }

        return field;
    }

    /// <summary>The field's JSON type (<c>string</c>, <c>object</c>...), or null.</summary>
    public static string? TypeOf(JsonObject field) =>
        field["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
