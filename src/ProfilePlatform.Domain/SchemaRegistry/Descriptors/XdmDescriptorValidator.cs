using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>The rules a descriptor definition must pass before it is stored (help/xdm/api/descriptors.md appendix):
/// a known <c>@type</c>; an existing tenant schema; field paths that exist in the composed schema; identity fields
/// that are strings in a known identity namespace; relationships to an existing schema.</summary>
/// <remarks>Messages name the field and the fix. Schema references may be the <c>$id</c> or the <c>meta:altId</c>; the
/// stored document carries the <c>$id</c>, so filters and cascades find it.</remarks>
internal sealed class XdmDescriptorValidator(
    Func<string, CancellationToken, Task<(string Id, JsonObject Composed)?>> schemas,
    IIdentityNamespaceCatalog namespaces)
{
    /// <summary>Fields the registry owns: sent back, never taken from a request.</summary>
    public static readonly string[] RegistryFields =
        ["@id", "imsOrg", "meta:containerId", "meta:sandboxId", "meta:sandboxType", "meta:registryMetadata", "version", "created", "updated", "createdUser", "createdClient", "updatedUser"];

    private static readonly string[] Cardinalities = ["1:1", "1:0", "M:1", "M:0"];
    private readonly Dictionary<string, (string Id, JsonObject Composed)?> _loaded = new(StringComparer.Ordinal);

    public async Task<XdmDescriptorBody> ValidateAsync(JsonObject body, string tenantId, CancellationToken ct)
    {
        var document = (JsonObject)body.DeepClone();
        foreach (var field in RegistryFields)
        {
            document.Remove(field);
        }

        var type = RequireString(document, "@type", "e.g. \"xdm:descriptorIdentity\"");
        if (!XdmDescriptorTypes.All.Contains(type, StringComparer.Ordinal))
        {
            throw Invalid($"Field '@type' value '{Shorten(type)}' is not a descriptor type: use one of {string.Join(", ", XdmDescriptorTypes.All)}.");
        }

        var (sourceId, source) = await RequireSchemaAsync(document, "xdm:sourceSchema", ct);
        CheckVersion(document, "xdm:sourceVersion", sourceId, source);
        var paths = SourcePaths(document, type);
        var fields = paths.Select(p => RequireField(source, sourceId, p, "xdm:sourceProperty", tenantId)).ToList();

        string? destinationId = null;
        var primary = false;
        switch (type)
        {
            case XdmDescriptorTypes.Identity:
                RequireStringField(fields[0], paths[0], "an identity");
                await RequireIdentityNamespaceAsync(document, ct);
                primary = OptionalBool(document, "xdm:isPrimary");
                break;
            case XdmDescriptorTypes.ReferenceIdentity:
                await RequireNamespaceCodeAsync(document, "xdm:identityNamespace", ct);
                break;
            case XdmDescriptorTypes.Timestamp:
                if (XdmFieldPath.TypeOf(fields[0]) != "string" || fields[0]["format"]?.ToString() != "date-time")
                {
                    throw Invalid($"Field 'xdm:sourceProperty' '{paths[0]}' is not a date-time field: a timestamp descriptor needs a field of type string with format date-time.");
                }

                break;
            case XdmDescriptorTypes.FriendlyName:
                CheckLocalized(document, "xdm:title");
                CheckLocalized(document, "xdm:description");
                CheckStringMap(document, "meta:enum");
                CheckStringMap(document, "xdm:excludeMetaEnum");
                CheckStringMap(document, "meta:excludeMetaEnum");
                break;
            default:
                if (XdmDescriptorTypes.IsRelationship(type))
                {
                    destinationId = await CheckRelationshipAsync(document, type, ct);
                }

                break;
        }

        return new XdmDescriptorBody(type, sourceId, destinationId, primary, document.ToJsonString());
    }

    private async Task<string> CheckRelationshipAsync(JsonObject document, string type, CancellationToken ct)
    {
        var (destinationId, destination) = await RequireSchemaAsync(document, "xdm:destinationSchema", ct);
        CheckVersion(document, "xdm:destinationVersion", destinationId, destination);
        if (document["xdm:destinationProperty"] is not null)
        {
            var path = RequireString(document, "xdm:destinationProperty", "a path like /customerId");
            _ = RequireField(destination, destinationId, path, "xdm:destinationProperty", tenantId: null);
        }

        if (type == XdmDescriptorTypes.Relationship)
        {
            var cardinality = RequireString(document, "xdm:cardinality", "one of 1:1, 1:0, M:1, M:0");
            if (!Cardinalities.Contains(cardinality, StringComparer.Ordinal))
            {
                throw Invalid($"Field 'xdm:cardinality' value '{Shorten(cardinality)}' is not valid: use one of {string.Join(", ", Cardinalities)} (source:destination).");
            }

            foreach (var name in new[] { "xdm:sourceToDestinationName", "xdm:destinationToSourceName", "xdm:sourceToDestinationTitle", "xdm:destinationToSourceTitle", "xdm:destinationNamespace" })
            {
                if (document[name] is not null)
                {
                    _ = RequireString(document, name, "a string");
                }
            }
        }

        return destinationId;
    }

    private async Task<(string Id, JsonObject Composed)> RequireSchemaAsync(JsonObject document, string field, CancellationToken ct)
    {
        var reference = RequireString(document, field, "the $id of a schema of this sandbox");
        if (!_loaded.TryGetValue(reference, out var schema))
        {
            schema = reference.Length <= 512 ? await schemas(reference, ct) : null;
            _loaded[reference] = schema;
        }

        if (schema is not { } found)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound,
                $"Field '{field}' names '{Shorten(reference)}', which is no schema of this sandbox: use the $id of an existing tenant schema (GET /tenant/schemas lists them).");
        }

        document[field] = found.Id;
        return found;
    }

    private static void CheckVersion(JsonObject document, string field, string schemaId, JsonObject composed)
    {
        var node = document[field];
        if (node is null)
        {
            return;
        }

        int? version = node.GetValueKind() switch
        {
            JsonValueKind.Number when node.AsValue().TryGetValue<int>(out var n) => n,
            JsonValueKind.String when int.TryParse(node.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
        var major = MajorVersion(composed);
        if (version is not { } v || v < 1 || v > major)
        {
            throw Invalid($"Field '{field}' must be the major version of {schemaId} as a number: send {major}.");
        }
    }

    private static int MajorVersion(JsonObject composed)
    {
        var text = composed["version"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "1";
        return int.TryParse(text.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major > 0 ? major : 1;
    }

    private static List<string> SourcePaths(JsonObject document, string type)
    {
        const string Field = "xdm:sourceProperty";
        if (document[Field] is JsonArray several && XdmDescriptorTypes.AllowsSeveralProperties(type))
        {
            if (several.Count is 0 or > 100)
            {
                throw Invalid($"Field '{Field}' must list 1 to 100 paths.");
            }

            return several.Select(p => p is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? v.GetValue<string>()
                    : throw Invalid($"Field '{Field}' must list paths as strings, like \"/orderId\"."))
                .ToList();
        }

        return [RequireString(document, Field, XdmDescriptorTypes.AllowsSeveralProperties(type) ? "a path like /orderId, or an array of paths" : "a path like /personalEmail/address")];
    }

    private static JsonObject RequireField(JsonObject schema, string schemaId, string path, string field, string? tenantId)
    {
        if (XdmFieldPath.Problem(path) is { } problem)
        {
            throw Invalid($"Field '{field}' value '{Shorten(path)}' {problem}: write the field's path like /personalEmail/address.");
        }

        if (tenantId is not null && path == "/_" + tenantId)
        {
            throw Invalid($"Field '{field}' names the tenant namespace object '{path}', which cannot carry a descriptor: name a field under it, like /_{tenantId}/loyaltyId.");
        }

        if (XdmFieldPath.Resolve(schema, path) is { } found)
        {
            return found;
        }

        var hint = path.Contains("/properties/", StringComparison.Ordinal) || path.StartsWith("/properties", StringComparison.Ordinal)
            ? " Leave out the 'properties' segments: /personalEmail/address, not /properties/personalEmail/properties/address."
            : " Check the field's path in the composed schema (Accept: application/vnd.adobe.xed-full+json; version=1).";
        throw new AepException(
            ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound,
            $"Field '{field}' value '{Shorten(path)}' is no field of schema {schemaId}.{hint}");
    }

    private static void RequireStringField(JsonObject field, string path, string what)
    {
        if (XdmFieldPath.TypeOf(field) != "string")
        {
            throw Invalid($"Field 'xdm:sourceProperty' '{path}' is of type {XdmFieldPath.TypeOf(field) ?? "unknown"}: {what} must be a string field; point to a string field instead.");
        }
    }

    /// <summary><c>xdm:namespace</c> is a namespace code (<c>xdm:property: xdm:code</c>, the default) or numeric id (<c>xdm:id</c>).</summary>
    private async Task RequireIdentityNamespaceAsync(JsonObject document, CancellationToken ct)
    {
        string? property = null;
        if (document["xdm:property"] is not null)
        {
            property = RequireString(document, "xdm:property", "\"xdm:code\" or \"xdm:id\"");
            if (property is not ("xdm:code" or "xdm:id"))
            {
                throw Invalid($"Field 'xdm:property' value '{Shorten(property)}' is not valid: use \"xdm:code\" when 'xdm:namespace' is a namespace code (e.g. Email), \"xdm:id\" when it is a numeric id (e.g. 6).");
            }
        }

        var node = document["xdm:namespace"];
        var text = node?.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            null => throw Invalid("Field 'xdm:namespace' is required: send an identity namespace code like \"Email\" (or its numeric id with \"xdm:property\": \"xdm:id\")."),
            _ => throw Invalid("Field 'xdm:namespace' must be a namespace code string like \"Email\" or a numeric id like 6."),
        };
        var byId = property == "xdm:id" || (property is null && node.GetValueKind() == JsonValueKind.Number);
        if (byId)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || await namespaces.FindByIdAsync(id, ct) is null)
            {
                throw UnknownNamespace("xdm:namespace", text, "an identity namespace id like 6 (Email)");
            }

            return;
        }

        if (await namespaces.FindByCodeAsync(text, ct) is null)
        {
            throw UnknownNamespace("xdm:namespace", text, "an identity namespace code like Email, or a numeric id with \"xdm:property\": \"xdm:id\"");
        }
    }

    private async Task RequireNamespaceCodeAsync(JsonObject document, string field, CancellationToken ct)
    {
        var code = RequireString(document, field, "an identity namespace code like Email");
        if (await namespaces.FindByCodeAsync(code, ct) is null)
        {
            throw UnknownNamespace(field, code, "an identity namespace code like Email");
        }
    }

    private static AepException UnknownNamespace(string field, string value, string expected) =>
        new(ErrorCatalog.SchemaRegistry.DescriptorReferenceNotFound, $"Field '{field}' value '{Shorten(value)}' is no identity namespace of this organization: use {expected} (GET /data/core/idnamespace/identities lists them).");

    private static bool OptionalBool(JsonObject document, string field) => document[field]?.GetValueKind() switch
    {
        null => false,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid($"Field '{field}' must be true or false."),
    };

    /// <summary>A display text: a string, or an object of locale → string (<c>{"en_us": "Event Type"}</c>).</summary>
    private static void CheckLocalized(JsonObject document, string field)
    {
        var node = document[field];
        if (node is null || node.GetValueKind() == JsonValueKind.String)
        {
            return;
        }

        if (node is not JsonObject texts || texts.Any(t => t.Value?.GetValueKind() != JsonValueKind.String))
        {
            throw Invalid($"Field '{field}' must be a string or an object of locale to text, like {{\"en_us\": \"Event Type\"}}.");
        }
    }

    private static void CheckStringMap(JsonObject document, string field)
    {
        var node = document[field];
        if (node is not null && (node is not JsonObject map || map.Any(t => t.Value?.GetValueKind() != JsonValueKind.String)))
        {
            throw Invalid($"Field '{field}' must be an object of value to display text, like {{\"click\": \"Mouse Click\"}}.");
        }
    }

    private static string RequireString(JsonObject document, string field, string expected)
    {
        var node = document[field];
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s)
        {
            return s;
        }

        throw Invalid(node is null
            ? $"Field '{field}' is required: send {expected}."
            : $"Field '{field}' must be a non-empty string: send {expected}.");
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "...";

    private static AepException Invalid(string message) => new(ErrorCatalog.SchemaRegistry.DescriptorInvalid, message);
}
