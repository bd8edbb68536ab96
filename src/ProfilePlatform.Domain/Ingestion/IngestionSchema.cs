using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The field types of a dataset's schema, read from its composed form (<c>xed-full</c>: no <c>$ref</c>, no
/// <c>allOf</c>), for what the validator does not do: converting values to the field's type, mapping CSV columns and
/// Parquet fields to fields.</summary>
/// <remarks>A field's kind comes from its JSON <c>type</c> and its <c>meta:xdmType</c> / <c>format</c>: a string with
/// format or XDM type <c>date</c> / <c>date-time</c> is a date / date-time; an object with an <c>additionalProperties</c>
/// schema (or XDM type <c>map</c>) is a map.</remarks>
public sealed class IngestionSchema
{
    private const int MaxDepth = 128;

    private IngestionSchema(IngestionField root) => Root = root;

    public IngestionField Root { get; }

    public static IngestionSchema From(JsonObject composed) => new(Read(composed, 0));

    /// <summary>The field a column names: a path of property names separated by <c>/</c> (the preview's column names,
    /// batch-ingestion.yaml <c>Column</c>: <c>_acmesandbox/testClassField0</c>) or, when there is no <c>/</c>, by <c>.</c>
    /// (XDM's dotted field paths, <c>person.name.firstName</c>). Null when no field has that path.</summary>
    public IngestionField? Resolve(string column, out IReadOnlyList<string> path)
    {
        var segments = column.Contains('/', StringComparison.Ordinal) ? column.Split('/') : column.Split('.');
        path = segments;
        var field = Root;
        foreach (var segment in segments)
        {
            if (field.Kind != IngestionFieldKind.Object || !field.Properties.TryGetValue(segment, out var child))
            {
                return null;
            }

            field = child;
        }

        return segments.Length == 0 || column.Length == 0 ? null : field;
    }

    private static IngestionField Read(JsonObject source, int depth)
    {
        if (depth > MaxDepth)
        {
            return new IngestionField(IngestionFieldKind.Any);
        }

        var xdmType = Text(source["meta:xdmType"]);
        var format = Text(source["format"]);
        var field = new IngestionField(KindOf(source, TypeName(source["type"]), xdmType, format), xdmType);
        switch (field.Kind)
        {
            case IngestionFieldKind.Object:
                foreach (var (name, child) in source["properties"] as JsonObject ?? [])
                {
                    if (child is JsonObject c)
                    {
                        field.Add(name, Read(c, depth + 1));
                    }
                }

                break;
            case IngestionFieldKind.Map:
                field.Element = source["additionalProperties"] is JsonObject values ? Read(values, depth + 1) : new IngestionField(IngestionFieldKind.Any);
                break;
            case IngestionFieldKind.Array:
                field.Element = source["items"] is JsonObject items ? Read(items, depth + 1) : new IngestionField(IngestionFieldKind.Any);
                break;
        }

        return field;
    }

    private static IngestionFieldKind KindOf(JsonObject source, string? type, string? xdmType, string? format)
    {
        if (type is null && (source["properties"] is JsonObject || source["additionalProperties"] is JsonObject))
        {
            type = "object";
        }

        return type switch
        {
            "object" when xdmType == "map" || (source["additionalProperties"] is JsonObject && source["properties"] is not JsonObject) => IngestionFieldKind.Map,
            "object" => IngestionFieldKind.Object,
            "array" => IngestionFieldKind.Array,
            "string" when format == "date-time" || xdmType == "date-time" => IngestionFieldKind.DateTime,
            "string" when format == "date" || xdmType == "date" => IngestionFieldKind.Date,
            "string" => IngestionFieldKind.String,
            "integer" => IngestionFieldKind.Integer,
            "number" when xdmType is "byte" or "short" or "int" or "long" => IngestionFieldKind.Integer,
            "number" => IngestionFieldKind.Number,
            "boolean" => IngestionFieldKind.Boolean,
            _ => IngestionFieldKind.Any,
        };
    }

    /// <summary>The type name, the first that is not <c>null</c> when the schema lists several.</summary>
    private static string? TypeName(JsonNode? node) => node switch
    {
        JsonArray names => names.Select(Text).FirstOrDefault(n => n is not null and not "null"),
        _ => Text(node),
    };

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
