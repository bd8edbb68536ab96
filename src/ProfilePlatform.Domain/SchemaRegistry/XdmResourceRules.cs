using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The rules the registry enforces on a tenant resource body before storing it.</summary>
/// <remarks>help/xdm/api/getting-started.md and help/xdm/troubleshooting-guide.md: custom fields of classes and field
/// groups live under the tenant object <c>_{tenantId}</c> (XDM-1020); field names are letters, digits, <c>-</c> and
/// <c>_</c> and do not start with <c>_</c> (the tenant object excepted); every field has a <c>type</c>.</remarks>
public static partial class XdmResourceRules
{
    private static readonly HashSet<string> JsonTypes = ["string", "integer", "number", "boolean", "object", "array"];

    public static string RequireTitle(JsonObject body)
    {
        if (body["title"] is not JsonValue t || !t.TryGetValue<string>(out var title) || string.IsNullOrWhiteSpace(title))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'title' is required: give the resource a title (titles are unique within the sandbox).");
        }

        if (title.Length > 256)
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field 'title' is {title.Length} characters long: use at most 256.");
        }

        if (body["type"] is JsonNode type && (type is not JsonValue v || !v.TryGetValue<string>(out var s) || s != "object"))
        {
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, "Field 'type' must be \"object\" for a Schema Registry resource.");
        }

        return title;
    }

    /// <summary>Checks every field definition in <c>properties</c> and <c>definitions</c>; with a tenant id, the top level
    /// of each must be only the tenant object.</summary>
    public static void CheckFields(JsonObject body, string? requiredTenantNamespace)
    {
        if (body["properties"] is JsonObject top)
        {
            CheckLevel(top, "/properties", requiredTenantNamespace, topLevel: true);
        }

        // Ad hoc classes (help/xdm/tutorials/ad-hoc.md) define their fields inline in an allOf item.
        if (body["allOf"] is JsonArray parts)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is JsonObject part && part["properties"] is JsonObject inline)
                {
                    CheckLevel(inline, $"/allOf/{i}/properties", requiredTenantNamespace, topLevel: true);
                }
            }
        }

        if (body["definitions"] is JsonObject definitions)
        {
            foreach (var (name, definition) in definitions)
            {
                if (definition is JsonObject d && d["properties"] is JsonObject props)
                {
                    CheckLevel(props, $"/definitions/{name}/properties", requiredTenantNamespace, topLevel: true);
                }
            }
        }
    }

    private static void CheckLevel(JsonObject properties, string path, string? tenantNamespace, bool topLevel)
    {
        foreach (var (name, node) in properties)
        {
            var here = $"{path}/{name}";
            if (topLevel && tenantNamespace is not null && name != tenantNamespace)
            {
                throw new AepException(
                    ErrorCatalog.SchemaRegistry.TenantNamespace,
                    $"Field '{here}' is not under the tenant namespace: custom fields must be defined inside the '{tenantNamespace}' object.");
            }

            var isTenantObject = topLevel && name == tenantNamespace;
            if (!isTenantObject && !FieldName().IsMatch(name))
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field name '{here}' is not valid: use letters, digits, '-' and '_', not starting with '_'.");
            }

            if (node is not JsonObject field)
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field '{here}' must be a JSON object describing the field.");
            }

            CheckField(field, here, tenantNamespace);
        }
    }

    private static void CheckField(JsonObject field, string here, string? tenantNamespace)
    {
        if (field["$ref"] is not null)
        {
            return; // a data type: checked when the reference is resolved
        }

        if (field["type"] is not JsonValue t || !t.TryGetValue<string>(out var type) || !JsonTypes.Contains(type))
        {
            var given = field["type"] is null ? "no 'type'" : $"type {field["type"]!.ToJsonString()}";
            throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field '{here}' has {given}: use one of {string.Join(", ", JsonTypes)}.");
        }

        if (type == "object" && field["properties"] is JsonObject nested)
        {
            CheckLevel(nested, here + "/properties", tenantNamespace, topLevel: false);
        }

        if (type == "array")
        {
            if (field["items"] is not JsonObject items)
            {
                throw new AepException(ErrorCatalog.SchemaRegistry.InvalidResource, $"Field '{here}' is an array and needs 'items'.");
            }

            CheckField(items, here + "/items", tenantNamespace);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
