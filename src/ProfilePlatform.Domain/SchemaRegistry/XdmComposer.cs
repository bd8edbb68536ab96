using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Composes a raw XDM resource into one self-contained JSON Schema: every <c>$ref</c> (to local
/// <c>#/definitions</c>, to classes, field groups, behaviors and data types) is inlined and every <c>allOf</c>
/// merged into <c>properties</c>: the registry's <c>xed-full</c> form, and the input of record validation.</summary>
/// <remarks>Objects met under the same field path from several parts are merged (XDM composition is additive);
/// a reference cycle or a reference to an unknown resource is an error naming the <c>$ref</c>.</remarks>
public sealed class XdmComposer(IXdmResolver resolver)
{
    private const int MaxDepth = 64;
    private static readonly HashSet<string> Structural = ["definitions", "allOf", "properties", "$ref"];

    public JsonObject Compose(JsonObject document)
    {
        var result = new JsonObject();
        foreach (var (key, value) in document)
        {
            if (!Structural.Contains(key))
            {
                result[key] = value?.DeepClone();
            }
        }

        var properties = new JsonObject();
        CollectProperties(document, document, properties, [], 0);
        result["properties"] = properties;
        result["type"] = "object";
        return result;
    }

    /// <summary>Adds the properties contributed by <paramref name="node"/> (its own, its allOf parts, its $ref target).</summary>
    private void CollectProperties(JsonObject node, JsonObject root, JsonObject into, HashSet<string> visiting, int depth)
    {
        Guard(depth);
        if (node["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            var (target, targetRoot) = Dereference(reference, root);
            if (!visiting.Add(reference))
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Reference cycle through '{reference}'.");
            }

            CollectProperties(target, targetRoot, into, visiting, depth + 1);
            visiting.Remove(reference);
        }

        if (node["properties"] is JsonObject own)
        {
            foreach (var (name, field) in own)
            {
                if (field is JsonObject f)
                {
                    Merge(into, name, ResolveField(f, root, visiting, depth + 1));
                }
            }
        }

        if (node["allOf"] is JsonArray parts)
        {
            foreach (var part in parts.OfType<JsonObject>())
            {
                CollectProperties(part, root, into, visiting, depth + 1);
            }
        }
    }

    /// <summary>A field with its data-type reference and nested properties, items and map values inlined.</summary>
    private JsonObject ResolveField(JsonObject field, JsonObject root, HashSet<string> visiting, int depth)
    {
        Guard(depth);
        var result = new JsonObject();
        if (field["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            var (target, targetRoot) = Dereference(reference, root);
            if (!visiting.Add(reference))
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Reference cycle through '{reference}'.");
            }

            var resolved = new JsonObject();
            CollectProperties(target, targetRoot, resolved, visiting, depth + 1);
            visiting.Remove(reference);
            result["type"] = "object";
            result["meta:xdmType"] = "object";
            if (target["meta:referencedFrom"] is null && target["$id"] is JsonValue id)
            {
                result["meta:referencedFrom"] = id.DeepClone();
            }

            result["properties"] = resolved;
        }

        foreach (var (key, value) in field)
        {
            switch (key)
            {
                case "$ref":
                    break;
                case "properties" or "allOf":
                    var nested = result["properties"] as JsonObject ?? new JsonObject();
                    CollectProperties(new JsonObject { [key] = value!.DeepClone() }, root, nested, visiting, depth + 1);
                    result["properties"] = nested;
                    break;
                case "items" when value is JsonObject items:
                    result["items"] = ResolveField(items, root, visiting, depth + 1);
                    break;
                case "additionalProperties" when value is JsonObject values:
                    result["additionalProperties"] = ResolveField(values, root, visiting, depth + 1);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private (JsonObject Target, JsonObject Root) Dereference(string reference, JsonObject root)
    {
        if (reference.StartsWith("#/definitions/", StringComparison.Ordinal))
        {
            var name = reference["#/definitions/".Length..];
            return root["definitions"]?[name] is JsonObject local
                ? (local, root)
                : throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Reference '{reference}' names no entry of 'definitions'.");
        }

        var document = resolver.Resolve(reference)
            ?? throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Reference '{reference}' names no class, field group, behavior or data type of this sandbox or the standard library.");
        return (document, document);
    }

    /// <summary>Puts a field into a property set; two object definitions of one path are merged.</summary>
    private static void Merge(JsonObject into, string name, JsonObject field)
    {
        if (into[name] is JsonObject other && TypeOf(other) != TypeOf(field))
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.InvalidResource,
                $"Field '{name}' is defined twice with different types ('{TypeOf(other)}' and '{TypeOf(field)}'): field groups of one schema must agree on every field path.");
        }

        if (into[name] is JsonObject existing && existing["properties"] is JsonObject a && field["properties"] is JsonObject b)
        {
            foreach (var (key, value) in b)
            {
                if (value is JsonObject v)
                {
                    Merge(a, key, (JsonObject)v.DeepClone());
                }
            }

            return;
        }

        into[name] = field;
    }

    private static string? TypeOf(JsonObject field) => field["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;

    private static void Guard(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"The resource nests deeper than {MaxDepth} levels.");
        }
    }
}
