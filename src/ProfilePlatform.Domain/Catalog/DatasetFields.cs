using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>What a client may write on a dataset (catalog.yaml <c>dataSetRequest</c>), validated: the body of a POST or
/// PUT, or the result of a PATCH applied to the current values.</summary>
/// <remarks>
/// <para>Read-only properties a client echoes back (<c>files</c> in help/catalog/api/replace-object.md's PUT, <c>version</c>,
/// <c>created</c>, ...) are ignored, as is <c>fields</c> (a legacy member some docs send). Other top-level properties
/// are kept as sent in <see cref="Other"/>, as Catalog stores documents: their names must be plain property names.</para>
/// <para>Known members are type-checked and a wrong type is a 400 naming the field; <c>fileDescription</c>'s members
/// follow the spec (<c>format</c> and <c>charset</c> enums, one-character <c>delimiters</c>, boolean <c>header</c>).</para>
/// </remarks>
public sealed record DatasetFields
{
    /// <summary>Properties Catalog computes; a client may send them back but never sets them.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "imsOrg", "sandboxId", "version", "created", "updated", "createdClient", "createdUser", "updatedUser", "viewId",
        "files", "basePath", "lastBatchId", "lastBatchStatus", "lastSuccessfulBatch", "lastFailedBatch", "fields", "persistence",
    };

    /// <summary>Longest name accepted (names are indexed).</summary>
    public const int MaxNameLength = 512;

    /// <summary>Longest description or state accepted.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>Most additional top-level properties kept on one dataset.</summary>
    public const int MaxOtherProperties = 64;

    private static readonly string[] Formats = ["", "csv", "text", "parquet", "json", "sequencefile", "avro"];
    private static readonly string[] Charsets = ["US-ASCII", "UTF-8", "ISO-8859-1", ""];

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required SchemaRef SchemaRef { get; init; }

    public CatalogTags Tags { get; init; } = CatalogTags.None;

    public JsonObject? FileDescription { get; init; }

    public bool? EnableErrorDiagnostics { get; init; }

    public JsonObject? ObservableSchema { get; init; }

    /// <summary>The dataset's <c>state</c>; AEP's examples show <c>DRAFT</c>.</summary>
    public string State { get; init; } = "DRAFT";

    /// <summary>Other top-level properties, kept as sent.</summary>
    public JsonObject Other { get; init; } = [];

    /// <summary>Reads a request body; throws a 400 naming the first field that cannot be accepted.</summary>
    public static DatasetFields Parse(JsonObject body)
    {
        SchemaRef? schemaRef = null;
        string? name = null, description = null;
        var state = "DRAFT";
        var tags = CatalogTags.None;
        JsonObject? fileDescription = null, observableSchema = null;
        bool? diagnostics = null;
        var other = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (ReadOnly.Contains(key))
            {
                continue;
            }

            CatalogJson.EnsureStorable(value, key);
            switch (key)
            {
                case "name":
                    name = Text(value, key, MaxNameLength);
                    break;
                case "description":
                    description = Text(value, key, MaxTextLength);
                    break;
                case "state":
                    state = Text(value, key, MaxNameLength) ?? "DRAFT";
                    break;
                case "schemaRef":
                    schemaRef = ParseSchemaRef(value);
                    break;
                case "tags":
                    tags = CatalogTags.Parse(value);
                    break;
                case "fileDescription":
                    fileDescription = ParseFileDescription(value);
                    break;
                case "observableSchema":
                    observableSchema = value switch
                    {
                        null => null,
                        JsonObject o => (JsonObject)o.DeepClone(),
                        _ => throw CatalogJson.Invalid($"Field 'observableSchema' must be an object (a JSON Schema); it is {CatalogJson.Kind(value)}."),
                    };
                    break;
                case "enableErrorDiagnostics":
                    diagnostics = value switch
                    {
                        null => null,
                        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                        _ => throw CatalogJson.Invalid($"Field 'enableErrorDiagnostics' must be true or false; it is {CatalogJson.Kind(value)}."),
                    };
                    break;
                case "dataSourceId" when value is not null && value.GetValueKind() != JsonValueKind.Number:
                    throw CatalogJson.Invalid($"Field 'dataSourceId' must be an integer; it is {CatalogJson.Kind(value)}.");
                default:
                    if (!Query.CatalogQuery.IsPropertyName(key))
                    {
                        throw CatalogJson.Invalid($"Property '{(key.Length <= 64 ? key : key[..64] + "...")}' is not a dataset property: top-level names use letters, digits and underscores.");
                    }

                    if (value is not null)
                    {
                        other[key] = value.DeepClone();
                    }

                    break;
            }
        }

        if (other.Count > MaxOtherProperties)
        {
            throw CatalogJson.Invalid($"The dataset has {other.Count} properties Catalog does not know; at most {MaxOtherProperties} are kept.");
        }

        return new DatasetFields
        {
            Name = name,
            Description = description,
            SchemaRef = schemaRef ?? throw CatalogJson.Invalid(
                "Field 'schemaRef' is required: name the XDM schema the dataset is based on, e.g. {\"schemaRef\":{\"id\":\"https://ns.adobe.com/{TENANT_ID}/schemas/{SCHEMA_ID}\",\"contentType\":\"application/vnd.adobe.xed+json;version=1\"}}."),
            State = state,
            Tags = tags,
            FileDescription = fileDescription,
            EnableErrorDiagnostics = diagnostics,
            ObservableSchema = observableSchema,
            Other = other,
        };
    }

    /// <summary>The fields as a request body: what PATCH starts from and <see cref="Parse"/> reads back unchanged.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name is not null)
        {
            json["name"] = Name;
        }

        if (Description is not null)
        {
            json["description"] = Description;
        }

        json["schemaRef"] = new JsonObject { ["id"] = SchemaRef.Id, ["contentType"] = SchemaRef.ContentType };
        json["state"] = State;
        json["tags"] = Tags.ToJson(); // always present, so a JSON Patch can add /tags/{name} to a dataset without tags

        if (FileDescription is not null)
        {
            json["fileDescription"] = FileDescription.DeepClone();
        }

        if (EnableErrorDiagnostics is { } diagnostics)
        {
            json["enableErrorDiagnostics"] = diagnostics;
        }

        if (ObservableSchema is not null)
        {
            json["observableSchema"] = ObservableSchema.DeepClone();
        }

        foreach (var (key, value) in Other)
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    private static string? Text(JsonNode? value, string path, int max)
    {
        var text = CatalogJson.OptionalString(value, path);
        return text is not null && text.Length > max
            ? throw CatalogJson.Invalid($"Field '{path}' is {text.Length} characters long; at most {max} are accepted.")
            : text;
    }

    private static SchemaRef ParseSchemaRef(JsonNode? value)
    {
        if (value is not JsonObject schemaRef)
        {
            throw CatalogJson.Invalid($"Field 'schemaRef' must be an object {{\"id\":..., \"contentType\":...}}; it is {CatalogJson.Kind(value)}.");
        }

        var id = CatalogJson.OptionalString(schemaRef["id"], "schemaRef.id");
        if (string.IsNullOrWhiteSpace(id) || id.Length > 512)
        {
            throw CatalogJson.Invalid("Field 'schemaRef.id' is required: the $id of an XDM schema, e.g. https://ns.adobe.com/{TENANT_ID}/schemas/{SCHEMA_ID}.");
        }

        var contentType = CatalogJson.OptionalString(schemaRef["contentType"], "schemaRef.contentType") ?? SchemaRef.DefaultContentType;
        var media = contentType.Split(';')[0].Trim();
        if (!media.StartsWith("application/vnd.adobe.xed", StringComparison.OrdinalIgnoreCase)
            || !media.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || contentType.Length > 128)
        {
            throw CatalogJson.Invalid($"Field 'schemaRef.contentType' is '{(contentType.Length <= 64 ? contentType : contentType[..64] + "...")}': use an XDM media type such as application/vnd.adobe.xed+json;version=1.");
        }

        return new SchemaRef(id, contentType);
    }

    private static JsonObject? ParseFileDescription(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject description)
        {
            throw CatalogJson.Invalid($"Field 'fileDescription' must be an object, e.g. {{\"format\":\"parquet\"}}; it is {CatalogJson.Kind(value)}.");
        }

        foreach (var (key, member) in description)
        {
            var path = "fileDescription." + key;
            switch (key)
            {
                case "format" or "containerFormat":
                    var format = CatalogJson.OptionalString(member, path);
                    if (format is not null && !Formats.Contains(format, StringComparer.Ordinal))
                    {
                        throw CatalogJson.Invalid($"Field '{path}' is '{format}': use one of {string.Join(", ", Formats.Where(f => f.Length > 0))}.");
                    }

                    break;
                case "charset":
                    var charset = CatalogJson.OptionalString(member, path);
                    if (charset is not null && !Charsets.Contains(charset, StringComparer.Ordinal))
                    {
                        throw CatalogJson.Invalid($"Field '{path}' is '{charset}': use US-ASCII, UTF-8 or ISO-8859-1.");
                    }

                    break;
                case "header" or "persisted" when member is not null && member.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False):
                    throw CatalogJson.Invalid($"Field '{path}' must be true or false; it is {CatalogJson.Kind(member)}.");
                case "delimiters" or "quotes" or "escapes" or "nullMarkers":
                    if (member is not null && (member is not JsonArray items || items.Any(i => i is not JsonValue v || v.GetValueKind() != JsonValueKind.String)))
                    {
                        throw CatalogJson.Invalid($"Field '{path}' must be an array of strings; it is {CatalogJson.Kind(member)}.");
                    }

                    if (key == "delimiters" && member is JsonArray delimiters && delimiters.Any(d => d!.GetValue<string>().Length > 1))
                    {
                        throw CatalogJson.Invalid($"Field '{path}' holds a delimiter longer than one character: each delimiter is a single character, e.g. [\",\"].");
                    }

                    break;
            }
        }

        return (JsonObject)description.DeepClone();
    }
}
