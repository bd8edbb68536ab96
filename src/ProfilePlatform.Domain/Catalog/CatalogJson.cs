using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Checks on JSON a client sends to Catalog before any of it is kept.</summary>
public static class CatalogJson
{
    /// <summary>Deepest nesting accepted inside a free-form value (fileDescription, observableSchema, other properties).</summary>
    public const int MaxDepth = 32;

    /// <summary>Longest string accepted anywhere in a Catalog object.</summary>
    public const int MaxStringLength = 64 * 1024;

    /// <summary>Fails with a 400 naming the path when the value cannot be stored faithfully: NUL characters (no
    /// PostgreSQL text can hold them), lone surrogates, absurd nesting or string length.</summary>
    public static void EnsureStorable(JsonNode? node, string path, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw Invalid($"Field '{path}' nests deeper than {MaxDepth} levels: flatten it.");
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    EnsureText(name, $"{path}.{name}", isName: true);
                    EnsureStorable(child, $"{path}.{name}", depth + 1);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    EnsureStorable(a[i], $"{path}[{i}]", depth + 1);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                EnsureText(StringOf(v, path), path, isName: false);
                break;
        }
    }

    /// <summary>Fails with a 400 when an object of the body names a property twice (<c>{"name":"a","name":"b"}</c>):
    /// which one was meant cannot be known, so nothing is taken from it.</summary>
    public static void EnsureUnambiguous(JsonNode? node, int depth = 0)
    {
        if (depth > 256)
        {
            return; // the request reader refuses deeper documents; EnsureStorable names the depth limit
        }

        switch (node)
        {
            case JsonObject o:
                List<JsonNode?> children;
                try
                {
                    children = [.. o.Select(kv => kv.Value)];
                }
                catch (ArgumentException ex)
                {
                    var key = ex.Message.Split("Key: ", 2) is [_, var rest] ? rest.Split(" (Parameter", 2)[0] : "?";
                    throw Invalid($"The JSON names property '{Short(key)}' twice in one object: send each property once.");
                }

                foreach (var child in children)
                {
                    EnsureUnambiguous(child, depth + 1);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    EnsureUnambiguous(item, depth + 1);
                }

                break;
        }
    }

    /// <summary>A string field of a request body, or null when absent or null; anything else is a 400 naming the field.</summary>
    public static string? OptionalString(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => StringOf(v, path),
        _ => throw Invalid($"Field '{path}' must be a string; it is {Kind(node)}."),
    };

    /// <summary>A JSON string's text; a string the JSON escapes make invalid UTF-16 (a lone <c>\ud800</c>) is a 400, not a crash.</summary>
    public static string StringOf(JsonValue value, string path)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            throw Invalid($"Field '{Short(path)}' contains an unpaired UTF-16 surrogate: send valid Unicode text.");
        }
    }

    /// <summary>The JSON type of a value, as an error message names it.</summary>
    public static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    public static AepException Invalid(string detail) => new(ErrorCatalog.Catalog.InvalidObject, detail);

    private static void EnsureText(string text, string path, bool isName)
    {
        if (text.Length > MaxStringLength)
        {
            throw Invalid($"Field '{Short(path)}' is {text.Length} characters long; at most {MaxStringLength} are accepted.");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                throw Invalid($"{(isName ? "Property name" : "Field")} '{Short(path)}' contains a NUL character (\\u0000), which cannot be stored: remove it.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw Invalid($"{(isName ? "Property name" : "Field")} '{Short(path)}' contains an unpaired UTF-16 surrogate: send valid Unicode text.");
            }
        }
    }

    private static string Short(string path) => path.Length <= 128 ? path : path[..128] + "...";
}
