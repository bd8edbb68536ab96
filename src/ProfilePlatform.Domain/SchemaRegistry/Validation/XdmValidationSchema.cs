using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>Turns a composed XDM schema (<c>xed-full</c>: no <c>$ref</c>, no <c>allOf</c>) into the NJsonSchema model
/// records are validated with, keeping only the validation keywords.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Objects that are not maps get <c>additionalProperties: false</c>: AEP rejects a record holding a field its
/// schema does not define ("extraneous key [person] is not permitted", help/ingestion/quality/streaming-validation.md).
/// Maps (<c>meta:xdmType: map</c>, an <c>additionalProperties</c> schema) take any key; their values are validated.</item>
/// <item>Integer fields get the range of their <c>meta:xdmType</c> (byte, short, int; long as ±(2^53 − 1) per
/// help/xdm/schema/field-constraints.md), intersected with any <c>minimum</c>/<c>maximum</c> the field declares.</item>
/// <item><c>format</c> and <c>pattern</c> are kept out of the NJsonSchema model and checked by
/// <see cref="XdmJsonSchemaValidator"/> (<see cref="XdmFormats"/>; patterns compiled once, with a time limit).</item>
/// <item>Titles, descriptions, examples, defaults and <c>meta:*</c> keywords carry no rule and are dropped
/// (<c>meta:enum</c> only labels suggested values).</item>
/// </list>
/// </remarks>
internal sealed class XdmValidationSchema
{
    private const int MaxDepth = 128;

    /// <summary>A pattern gets this long per value; a pattern that backtracks longer fails the value.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    private static readonly Dictionary<string, (decimal Min, decimal Max)> IntegerRanges = new(StringComparer.Ordinal)
    {
        ["byte"] = (sbyte.MinValue, sbyte.MaxValue),
        ["short"] = (short.MinValue, short.MaxValue),
        ["int"] = (int.MinValue, int.MaxValue),
        ["long"] = (-9007199254740991m, 9007199254740991m),
    };

    private readonly Dictionary<JsonSchema, XdmFieldRules> rules = new(ReferenceEqualityComparer.Instance);

    private XdmValidationSchema(JsonObject composed)
    {
        Root = new JsonSchema();
        Fill(Root, composed, "", 0);
    }

    public JsonSchema Root { get; }

    public IReadOnlyDictionary<JsonSchema, XdmFieldRules> Rules => rules;

    public static XdmValidationSchema From(JsonObject composed) => new(composed);

    /// <summary>The integer range an XDM type implies, if any.</summary>
    public static (decimal Min, decimal Max)? RangeOf(string? xdmType) =>
        xdmType is not null && IntegerRanges.TryGetValue(xdmType, out var range) ? range : null;

    private void Fill(JsonSchema target, JsonObject source, string pointer, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(pointer, $"nests deeper than {MaxDepth} levels");
        }

        var type = TypeOf(source["type"], pointer);
        if (type == JsonObjectType.None && (source["properties"] is JsonObject || source["additionalProperties"] is JsonObject))
        {
            type = JsonObjectType.Object;
        }

        target.Type = type;
        var xdmType = Text(source["meta:xdmType"]);

        if (type.HasFlag(JsonObjectType.Object))
        {
            FillObject(target, source, pointer, depth);
        }

        if (type.HasFlag(JsonObjectType.Array) && source["items"] is JsonObject items)
        {
            target.Item = new JsonSchema();
            Fill(target.Item, items, pointer + "/items", depth + 1);
        }

        target.MinItems = Count(source["minItems"]) ?? 0;
        target.MaxItems = Count(source["maxItems"]) ?? 0;
        target.UniqueItems = source["uniqueItems"] is JsonValue unique && unique.GetValueKind() == JsonValueKind.True;
        target.MinLength = Count(source["minLength"]);
        target.MaxLength = Count(source["maxLength"]);
        FillEnum(target, source);
        FillRange(target, source, type, xdmType);

        var format = Text(source["format"]);
        if (format is null && xdmType is "date" or "date-time" && type.HasFlag(JsonObjectType.String))
        {
            format = xdmType;
        }

        rules[target] = new XdmFieldRules(xdmType, format is not null && XdmFormats.IsKnown(format) ? format : null, Pattern(source["pattern"], pointer));
    }

    private void FillObject(JsonSchema target, JsonObject source, string pointer, int depth)
    {
        if (source["properties"] is JsonObject properties)
        {
            foreach (var (name, field) in properties)
            {
                if (field is JsonObject f)
                {
                    var property = new JsonSchemaProperty();
                    target.Properties[name] = property;
                    Fill(property, f, $"{pointer}/properties/{name}", depth + 1);
                }
            }
        }

        switch (source["additionalProperties"])
        {
            case JsonObject values:
                target.AdditionalPropertiesSchema = new JsonSchema();
                Fill(target.AdditionalPropertiesSchema, values, pointer + "/additionalProperties", depth + 1);
                break;
            case JsonValue allowed when allowed.GetValueKind() == JsonValueKind.True:
                target.AllowAdditionalProperties = true;
                break;
            default:
                target.AllowAdditionalProperties = false;
                break;
        }

        foreach (var name in (source["required"] as JsonArray ?? []).Select(Text).OfType<string>())
        {
            if (target.Properties.TryGetValue(name, out var property))
            {
                property.IsRequired = true;
            }
            else if (!target.RequiredProperties.Contains(name))
            {
                target.RequiredProperties.Add(name);
            }
        }

        target.MinProperties = Count(source["minProperties"]) ?? 0;
        target.MaxProperties = Count(source["maxProperties"]) ?? 0;
    }

    private static void FillEnum(JsonSchema target, JsonObject source)
    {
        if (source["enum"] is not JsonArray values)
        {
            return;
        }

        foreach (var value in values)
        {
            object? item = value?.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => Number(value) is { } n && n == decimal.Truncate(n) ? (object)(long)n : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture),
                _ => null,
            };
            if (item is not null)
            {
                target.Enumeration.Add(item);
            }
        }
    }

    private static void FillRange(JsonSchema target, JsonObject source, JsonObjectType type, string? xdmType)
    {
        target.Minimum = Number(source["minimum"]);
        target.Maximum = Number(source["maximum"]);
        target.MultipleOf = Number(source["multipleOf"]);
        switch (source["exclusiveMinimum"])
        {
            case JsonValue b when b.GetValueKind() is JsonValueKind.True:
                target.IsExclusiveMinimum = true; // draft 4: a flag on minimum
                break;
            case JsonValue n when n.GetValueKind() is JsonValueKind.Number:
                target.ExclusiveMinimum = Number(n);
                break;
        }

        switch (source["exclusiveMaximum"])
        {
            case JsonValue b when b.GetValueKind() is JsonValueKind.True:
                target.IsExclusiveMaximum = true;
                break;
            case JsonValue n when n.GetValueKind() is JsonValueKind.Number:
                target.ExclusiveMaximum = Number(n);
                break;
        }

        if (RangeOf(xdmType) is not { } range || !type.HasFlag(JsonObjectType.Integer))
        {
            return;
        }

        if (target.Minimum is null || target.Minimum < range.Min)
        {
            target.Minimum = range.Min;
            target.IsExclusiveMinimum = false;
        }

        if (target.Maximum is null || target.Maximum > range.Max)
        {
            target.Maximum = range.Max;
            target.IsExclusiveMaximum = false;
        }
    }

    private static Regex? Pattern(JsonNode? node, string pointer)
    {
        if (Text(node) is not { Length: > 0 } pattern)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(pointer, $"has a 'pattern' that is not a valid regular expression ({ex.Message})");
        }
    }

    private static JsonObjectType TypeOf(JsonNode? node, string pointer)
    {
        var names = node switch
        {
            null => [],
            JsonArray array => array.Select(Text).ToList(),
            _ => [Text(node)],
        };
        var type = JsonObjectType.None;
        foreach (var name in names)
        {
            type |= name switch
            {
                "string" => JsonObjectType.String,
                "integer" => JsonObjectType.Integer,
                "number" => JsonObjectType.Number,
                "boolean" => JsonObjectType.Boolean,
                "object" => JsonObjectType.Object,
                "array" => JsonObjectType.Array,
                "null" => JsonObjectType.Null,
                _ => throw Invalid(pointer, $"has an unknown 'type' ({name ?? "not a string"})"),
            };
        }

        return type;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static int? Count(JsonNode? node) => Number(node) is { } n && n >= 0 && n <= int.MaxValue ? (int)n : null;

    private static AepException Invalid(string pointer, string problem) =>
        new(ErrorCatalog.SchemaRegistry.InvalidResource, $"The schema cannot validate records: field '{(pointer.Length == 0 ? "/" : pointer)}' {problem}.");
}
