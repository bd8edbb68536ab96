using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The structural rules of each resource type and what the registry derives from them: a class's behavior,
/// a field group's intended classes, a schema's <c>meta:class</c> and <c>meta:extends</c>.</summary>
internal static class XdmLineage
{
    public const string IdentityMapFieldGroup = "https://ns.adobe.com/xdm/context/identitymap";
    public const string AdhocBehavior = "https://ns.adobe.com/xdm/data/adhoc";
    public const string DatasetNamespace = "meta:datasetNamespace";

    /// <summary>Checks <paramref name="document"/> as a resource of <paramref name="type"/> and writes the derived fields.</summary>
    public static void Apply(XdmResourceType type, string id, JsonObject document, string tenantNamespace, IXdmResolver resolver, bool requireIntent = true)
    {
        switch (type)
        {
            case XdmResourceType.Class:
                var behavior = RequireBehavior(document);
                if (behavior == AdhocBehavior)
                {
                    // An ad hoc class's fields live under a namespace of its own, not the tenant's: the registry renames
                    // the '_adhoc' object to '_{class hex}' and records it as meta:datasetNamespace (help/xdm/tutorials/ad-hoc.md).
                    var own = "_" + id[(id.LastIndexOf('/') + 1)..];
                    RenameTopLevel(document, "_adhoc", own);
                    document[DatasetNamespace] = own;
                    XdmResourceRules.CheckFields(document, own);
                }
                else
                {
                    XdmResourceRules.CheckFields(document, tenantNamespace);
                }

                document["meta:extends"] = new JsonArray(JsonValue.Create(behavior));
                break;
            case XdmResourceType.FieldGroup:
                XdmResourceRules.CheckFields(document, tenantNamespace);
                RequireIntendedClasses(document, resolver, requireIntent);
                break;
            case XdmResourceType.DataType:
                XdmResourceRules.CheckFields(document, requiredTenantNamespace: null);
                break;
            case XdmResourceType.Schema:
                DeriveSchemaLineage(document, resolver);
                break;
            default:
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"{type} resources cannot be created or changed.");
        }
    }

    public static IEnumerable<string> Refs(JsonObject document) =>
        (document["allOf"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => p["$ref"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .Where(s => s is not null && !s.StartsWith('#'))!;

    public static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).Where(s => s is not null)!;

    public static string? StringOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Renames a top-level field wherever a resource defines top-level fields (properties, definitions, allOf items).</summary>
    private static void RenameTopLevel(JsonObject document, string from, string to)
    {
        var levels = new List<JsonObject?> { document["properties"] as JsonObject };
        levels.AddRange((document["definitions"] as JsonObject ?? []).Select(d => d.Value?["properties"] as JsonObject));
        levels.AddRange((document["allOf"] as JsonArray ?? []).Select(p => p?["properties"] as JsonObject));
        foreach (var level in levels.OfType<JsonObject>())
        {
            if (level[from] is { } node)
            {
                level.Remove(from);
                level[to] = node;
            }
        }
    }

    private static string RequireBehavior(JsonObject document)
    {
        var behaviors = Refs(document).Where(r => r.StartsWith("https://ns.adobe.com/xdm/data/", StringComparison.Ordinal)).ToList();
        return behaviors.Count == 1
            ? behaviors[0]
            : throw new AepException(
                ErrorCatalog.SchemaRegistry.InvalidResource,
                $"A class must reference exactly one behavior in 'allOf' (https://ns.adobe.com/xdm/data/record, .../time-series or .../adhoc); found {behaviors.Count}.");
    }

    /// <summary>Without <paramref name="requireIntent"/> (imports: AEP's export payloads carry <c>"meta:intendedToExtend": []</c>)
    /// an empty list is accepted and the field group fits any class.</summary>
    private static void RequireIntendedClasses(JsonObject document, IXdmResolver resolver, bool requireIntent)
    {
        if (!requireIntent && document["meta:intendedToExtend"] is null or JsonArray { Count: 0 })
        {
            document["meta:intendedToExtend"] = new JsonArray();
            return;
        }

        if (document["meta:intendedToExtend"] is not JsonArray classes || classes.Count == 0)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'meta:intendedToExtend' is required: list the $id of each class this field group may extend.");
        }

        foreach (var c in classes)
        {
            var id = StringOf(c);
            if (id is null || resolver.Resolve(id) is not { } cls || StringOf(cls["meta:resourceType"]) != "classes")
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'meta:intendedToExtend' names '{c}', which is not a class of this sandbox or the standard library.");
            }
        }
    }

    /// <summary>A schema is one class plus field groups that fit it; the registry derives <c>meta:class</c> and <c>meta:extends</c>.</summary>
    private static void DeriveSchemaLineage(JsonObject document, IXdmResolver resolver)
    {
        if (document["allOf"] is not JsonArray parts || parts.Count == 0)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'allOf' is required: reference one class and any field groups, e.g. [{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}].");
        }

        if (document["properties"] is not null || document["definitions"] is not null)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "A schema defines no fields of its own: put them in a field group and reference it in 'allOf'.");
        }

        var resolved = new List<(string Id, JsonObject Doc)>();
        foreach (var id in Refs(document))
        {
            var doc = resolver.Resolve(id)
                ?? throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'allOf' references '{id}', which is no class or field group of this sandbox or the standard library.");
            resolved.Add((id, doc));
        }

        var classes = resolved.Where(r => StringOf(r.Doc["meta:resourceType"]) == "classes").ToList();
        if (classes.Count != 1)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"A schema references exactly one class in 'allOf'; found {classes.Count}.");
        }

        var classId = classes[0].Id;
        var lineage = new List<string> { classId };
        lineage.AddRange(Strings(classes[0].Doc["meta:extends"]));
        foreach (var (id, doc) in resolved.Where(r => r.Id != classId))
        {
            if (StringOf(doc["meta:resourceType"]) != "mixins")
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'allOf' references '{id}', a {StringOf(doc["meta:resourceType"])} resource: a schema takes one class and field groups only.");
            }

            var intended = Strings(doc["meta:intendedToExtend"]).ToList();
            if (intended.Count > 0 && !intended.Contains(classId))
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field group '{id}' is intended for {string.Join(", ", intended)}, not for the schema's class '{classId}'.");
            }

            lineage.Add(id);
            lineage.AddRange(Strings(doc["meta:extends"]));
        }

        if (StringOf(classes[0].Doc[DatasetNamespace]) is { } datasetNamespace)
        {
            document[DatasetNamespace] = datasetNamespace;
        }

        document["meta:class"] = classId;
        document["meta:extends"] = new JsonArray(lineage.Distinct(StringComparer.Ordinal).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
    }
}
