using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Unions: the system-generated, read-only view of every Profile-enabled schema of one class
/// (help/xdm/api/unions.md). A union exists while at least one schema of its class carries the <c>union</c> tag; its
/// <c>$id</c> is the class's with <c>__union</c> appended.</summary>
public static class XdmUnion
{
    public const string Tag = "union";
    public const string Suffix = "__union";

    public static bool IsUnionId(string idOrAltId) => idOrAltId.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>Whether a schema document carries <c>"meta:immutableTags": ["union"]</c>.</summary>
    public static bool IsEnabled(JsonObject schema) =>
        XdmLineage.StringOf(schema["meta:resourceType"]) == "schemas" && XdmLineage.Strings(schema["meta:immutableTags"]).Contains(Tag);

    /// <summary>The classes that have a union: those of the enabled schemas, in order of their ids.</summary>
    public static IReadOnlyList<string> EnabledClasses(IEnumerable<JsonObject> schemas) =>
        schemas.Where(IsEnabled).Select(s => XdmLineage.StringOf(s["meta:class"])).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The raw union of <paramref name="classId"/>: the class and every field group of its enabled schemas.</summary>
    public static JsonObject Build(string classId, IEnumerable<JsonObject> schemas)
    {
        var members = schemas.Where(s => IsEnabled(s) && XdmLineage.StringOf(s["meta:class"]) == classId).ToList();
        var parts = new List<string> { classId };
        var extends = new List<string>();
        foreach (var schema in members)
        {
            parts.AddRange(XdmLineage.Refs(schema).Where(r => r != classId));
            extends.AddRange(XdmLineage.Strings(schema["meta:extends"]));
        }

        var id = classId + Suffix;
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"Union view of all schemas that extend {classId}",
            ["allOf"] = new JsonArray(parts.Distinct(StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject { ["$ref"] = p }).ToArray()),
            ["meta:extends"] = new JsonArray(extends.Prepend(classId).Distinct(StringComparer.Ordinal).Select(e => (JsonNode)JsonValue.Create(e)!).ToArray()),
            ["title"] = $"Union object for {classId}",
            ["$id"] = id,
            ["meta:containerId"] = "tenant",
            ["meta:class"] = classId,
            ["meta:altId"] = XdmId.AltIdOf(id),
            ["version"] = "1.0",
            ["meta:resourceType"] = "unions",
            ["meta:registryMetadata"] = new JsonObject(),
        };
    }
}
