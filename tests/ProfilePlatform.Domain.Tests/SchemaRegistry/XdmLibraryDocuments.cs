using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry.Library;

namespace ProfilePlatform.Domain.Tests.SchemaRegistry;

/// <summary>Walks library documents: every <c>$ref</c>, every field, and a dotted path through data types.</summary>
internal static class XdmLibraryDocuments
{
    public static IEnumerable<string> Refs(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue v && v.TryGetValue<string>(out var target))
                    {
                        yield return target;
                    }

                    foreach (var nested in Refs(value))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Refs(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    /// <summary>Every field schema (with its dotted path): properties, array items and map values.</summary>
    public static IEnumerable<(string Path, JsonObject Field)> Fields(JsonObject document)
    {
        foreach (var (name, definition) in document["definitions"]!.AsObject())
        {
            foreach (var field in PropertiesOf(definition!.AsObject(), name))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Field)> PropertiesOf(JsonObject container, string path)
    {
        if (container["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, value) in properties)
        {
            foreach (var field in Field(value!.AsObject(), $"{path}.{name}"))
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Field)> Field(JsonObject field, string path)
    {
        yield return (path, field);
        foreach (var nested in PropertiesOf(field, path))
        {
            yield return nested;
        }

        if (field["items"] is JsonObject items)
        {
            foreach (var nested in Field(items, path + "[]"))
            {
                yield return nested;
            }
        }

        if (field["additionalProperties"] is JsonObject values)
        {
            foreach (var nested in Field(values, path + "{}"))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The field a dotted path names in a resource, following <c>$ref</c>s to library resources and
    /// continuing into array items.</summary>
    public static JsonObject? Resolve(IXdmLibrary library, string resourceId, string path)
    {
        var scope = TopLevel(library, resourceId);
        JsonObject? field = null;
        foreach (var segment in path.Split('.'))
        {
            if (scope is null || !scope.TryGetValue(segment, out field))
            {
                return null;
            }

            var next = field["items"] as JsonObject ?? field;
            scope = next["$ref"] is JsonValue reference
                ? TopLevel(library, reference.GetValue<string>())
                : (next["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.AsObject());
        }

        return field;
    }

    private static Dictionary<string, JsonObject>? TopLevel(IXdmLibrary library, string id)
    {
        var resource = library.Find(id);
        if (resource is null)
        {
            return null;
        }

        var fields = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var part in resource.Document["allOf"]!.AsArray())
        {
            var target = part!["$ref"]!.GetValue<string>();
            var properties = target.StartsWith("#/definitions/", StringComparison.Ordinal)
                ? TopLevelOfDefinition(resource.Document, target["#/definitions/".Length..])
                : TopLevel(library, target);
            foreach (var (name, field) in properties ?? [])
            {
                fields[name] = field;
            }
        }

        return fields;
    }

    private static Dictionary<string, JsonObject>? TopLevelOfDefinition(JsonObject document, string name) =>
        (document["definitions"]?[name]?["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.AsObject());
}
