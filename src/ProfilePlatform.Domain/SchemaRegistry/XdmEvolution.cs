using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The breaking-change check for schemas that no longer evolve freely.</summary>
/// <remarks>help/xdm/troubleshooting-guide.md ("When does a schema start preventing breaking changes?"): once a schema
/// is enabled for Profile or used by a dataset, only additive changes are allowed — no field may disappear or change
/// type, and no field may become required. The check compares the composed (xed-full) forms before and after, so a
/// change made through a field group or data type the schema uses is caught as well as a change to the schema.</remarks>
public static class XdmEvolution
{
    /// <summary>Throws naming the first fields a change would break; returns quietly for an additive change.</summary>
    public static void RequireNonBreaking(string schemaId, string reason, JsonObject composedBefore, JsonObject composedAfter)
    {
        var before = Inventory(composedBefore);
        var after = Inventory(composedAfter);
        var problems = new List<string>();
        foreach (var (path, field) in before.Fields)
        {
            if (!after.Fields.TryGetValue(path, out var now))
            {
                problems.Add($"field '{path}' would be removed");
            }
            else if (now != field)
            {
                problems.Add($"field '{path}' would change type from '{field}' to '{now}'");
            }
        }

        problems.AddRange(after.Required.Where(r => !before.Required.Contains(r)).Select(r => $"field '{r}' would become required"));
        if (problems.Count > 0)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.InvalidResource,
                $"Schema {schemaId} {reason}, so only additive changes are allowed: {string.Join("; ", problems.Take(10))}{(problems.Count > 10 ? $" (and {problems.Count - 10} more)" : "")}. Add new optional fields instead.");
        }
    }

    private sealed record FieldInventory(Dictionary<string, string> Fields, HashSet<string> Required);

    private static FieldInventory Inventory(JsonObject composed)
    {
        var inventory = new FieldInventory(new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        Walk(composed, "", inventory, 0);
        return inventory;
    }

    private static void Walk(JsonObject node, string path, FieldInventory inventory, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        foreach (var required in (node["required"] as JsonArray ?? []).Select(r => r?.ToString()).OfType<string>())
        {
            inventory.Required.Add(path + "/" + required);
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject field)
                {
                    var at = path + "/" + name;
                    inventory.Fields[at] = Shape(field);
                    Walk(field, at, inventory, depth + 1);
                }
            }
        }

        if (node["items"] is JsonObject items)
        {
            Walk(items, path + "[]", inventory, depth + 1);
        }

        if (node["additionalProperties"] is JsonObject values)
        {
            Walk(values, path + "{}", inventory, depth + 1);
        }
    }

    /// <summary>What a field's type is for compatibility: its JSON type, XDM type and format, and its items' shape.</summary>
    private static string Shape(JsonObject field)
    {
        var type = field["type"]?.ToString() ?? "";
        var xdm = field["meta:xdmType"]?.ToString();
        var format = field["format"]?.ToString();
        var shape = type;
        if (xdm is not null && xdm != type)
        {
            shape += ":" + xdm;
        }

        if (format is not null)
        {
            shape += "(" + format + ")";
        }

        return field["items"] is JsonObject items ? shape + "<" + Shape(items) + ">" : shape;
    }
}
