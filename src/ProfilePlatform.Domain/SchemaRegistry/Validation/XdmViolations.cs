using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>Turns NJsonSchema's errors into <see cref="XdmRecordViolation"/>s: one per broken rule (errors nested
/// under array items and map values are flattened), a JSON pointer, and a message naming the field, what the schema
/// expects and what the record holds.</summary>
internal sealed class XdmViolations(IReadOnlyDictionary<JsonSchema, XdmFieldRules> rules)
{
    private const int MaxShownLength = 64;
    private const int MaxShownEnumValues = 20;

    private readonly Dictionary<JArray, Dictionary<JToken, int>> positions = new(ReferenceEqualityComparer.Instance);

    public void Add(IEnumerable<ValidationError> errors, List<XdmRecordViolation> into)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var nested in child.Errors.Values)
                {
                    Add(nested, into);
                }

                continue;
            }

            into.Add(Describe(error));
        }
    }

    private XdmRecordViolation Describe(ValidationError error)
    {
        var token = error.Token!;
        var schema = error.Schema;
        var field = rules.GetValueOrDefault(schema);
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                var missing = Child(Pointer(token), error.Property!);
                return new(missing, XdmViolationKind.Required, $"{Name(missing)} is required but missing or null.");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var unknown = Pointer(token);
                return new(unknown, XdmViolationKind.UnknownField, $"{Name(unknown)} is not defined in the schema: a record holds only the schema's fields (remove it, or add it to a field group of the schema).");
        }

        var pointer = Pointer(token);
        var name = Name(pointer);
        var found = Found(token);
        return error switch
        {
            FormatError f => new(pointer, XdmViolationKind.Format, $"{name} must be {XdmFormats.Described[f.Format]}; found {found}."),
            PatternTimeoutError => new(pointer, XdmViolationKind.Pattern, $"{name} could not be matched against the pattern {Quote(field?.Pattern?.ToString() ?? "")} within {XdmValidationSchema.PatternTimeout.TotalMilliseconds} ms; the value is rejected."),
            _ => error.Kind switch
            {
                ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                    or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                    or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates
                    => new(pointer, XdmViolationKind.Type, $"{name} must be {Expected(schema, field)}; found {found}."),
                ValidationErrorKind.NotInEnumeration => new(pointer, XdmViolationKind.Enum, $"{name} must be one of {Values(schema)}; found {found}."),
                ValidationErrorKind.PatternMismatch => new(pointer, XdmViolationKind.Pattern, $"{name} must match the pattern {Quote(field?.Pattern?.ToString() ?? "")}; found {found}."),
                ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig => Range(pointer, name, found, schema, field, error.Kind == ValidationErrorKind.NumberTooSmall),
                ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf
                    => new(pointer, XdmViolationKind.MultipleOf, $"{name} must be a multiple of {Show(schema.MultipleOf)}; found {found}."),
                ValidationErrorKind.StringTooShort => new(pointer, XdmViolationKind.MinLength, $"{name} must have at least {schema.MinLength} characters; found {Length(token)}."),
                ValidationErrorKind.StringTooLong => new(pointer, XdmViolationKind.MaxLength, $"{name} must have at most {schema.MaxLength} characters; found {Length(token)}."),
                ValidationErrorKind.TooFewItems => new(pointer, XdmViolationKind.MinItems, $"{name} must have at least {schema.MinItems} items; found {((JArray)token).Count}."),
                ValidationErrorKind.TooManyItems => new(pointer, XdmViolationKind.MaxItems, $"{name} must have at most {schema.MaxItems} items; found {((JArray)token).Count}."),
                ValidationErrorKind.ItemsNotUnique => new(pointer, XdmViolationKind.UniqueItems, $"{name} must not hold the same item twice."),
                ValidationErrorKind.TooFewProperties => new(pointer, XdmViolationKind.MinProperties, $"{name} must have at least {schema.MinProperties} entries; found {((JObject)token).Count}."),
                ValidationErrorKind.TooManyProperties => new(pointer, XdmViolationKind.MaxProperties, $"{name} must have at most {schema.MaxProperties} entries; found {((JObject)token).Count}."),
                _ => new(pointer, XdmViolationKind.Invalid, $"{name} breaks a rule of the schema ({error.Kind}); found {found}."),
            },
        };
    }

    private static XdmRecordViolation Range(string pointer, string name, string found, JsonSchema schema, XdmFieldRules? field, bool tooSmall)
    {
        var exclusiveBound = tooSmall ? schema.ExclusiveMinimum : schema.ExclusiveMaximum;
        var bound = exclusiveBound ?? (tooSmall ? schema.Minimum : schema.Maximum);
        var exclusive = exclusiveBound is not null || (tooSmall ? schema.IsExclusiveMinimum : schema.IsExclusiveMaximum);
        var words = (tooSmall, exclusive) switch
        {
            (true, true) => "greater than",
            (true, false) => "at least",
            (false, true) => "less than",
            (false, false) => "at most",
        };
        var range = XdmValidationSchema.RangeOf(field?.XdmType) is { } r && bound == (tooSmall ? r.Min : r.Max) ? $" (the range of XDM type '{field!.XdmType}')" : "";
        return new(pointer, tooSmall ? XdmViolationKind.Minimum : XdmViolationKind.Maximum, $"{name} must be {words} {Show(bound)}{range}; found {found}.");
    }

    private string Pointer(JToken token) => XdmPointer.Of(token, positions);

    private static string Child(string pointer, string name) => pointer + "/" + XdmPointer.Escape(name);

    private static string Name(string pointer) => pointer.Length == 0 ? "The record" : $"Field '{pointer}'";

    private static string Expected(JsonSchema schema, XdmFieldRules? field)
    {
        var kinds = new List<string>();
        var type = schema.Type;
        if (type.HasFlag(JsonObjectType.Object))
        {
            kinds.Add(field?.XdmType == "map" || schema.AdditionalPropertiesSchema is not null ? "a map (a JSON object)" : "an object");
        }

        if (type.HasFlag(JsonObjectType.Array))
        {
            kinds.Add("an array");
        }

        if (type.HasFlag(JsonObjectType.String))
        {
            kinds.Add(field?.XdmType is "date" or "date-time" ? $"a string holding {XdmFormats.Described[field.XdmType]}" : "a string");
        }

        if (type.HasFlag(JsonObjectType.Integer))
        {
            kinds.Add(XdmValidationSchema.RangeOf(field?.XdmType) is not null ? $"an integer (XDM type '{field!.XdmType}')" : "an integer");
        }

        if (type.HasFlag(JsonObjectType.Number))
        {
            kinds.Add("a number");
        }

        if (type.HasFlag(JsonObjectType.Boolean))
        {
            kinds.Add("a boolean");
        }

        if (type.HasFlag(JsonObjectType.Null))
        {
            kinds.Add("null");
        }

        return kinds.Count == 0 ? "a value of another type" : string.Join(" or ", kinds);
    }

    private static string Found(JToken token) => token.Type switch
    {
        JTokenType.String => "the string " + Quote((string)((JValue)token).Value!),
        JTokenType.Integer or JTokenType.Float => "the number " + Shorten(Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? ""),
        JTokenType.Boolean => (bool)((JValue)token).Value! ? "true" : "false",
        JTokenType.Null => "null",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        _ => token.Type.ToString(),
    };

    private static string Values(JsonSchema schema)
    {
        var shown = schema.Enumeration.Take(MaxShownEnumValues).Select(v => v is string s ? Quote(s) : Convert.ToString(v, CultureInfo.InvariantCulture));
        var more = schema.Enumeration.Count > MaxShownEnumValues ? $", ... ({schema.Enumeration.Count} values)" : "";
        return "[" + string.Join(", ", shown) + more + "]";
    }

    private static string Length(JToken token) => ((string)((JValue)token).Value!).Length.ToString(CultureInfo.InvariantCulture);

    private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>A JSON string literal of the value, shortened to its first characters when long.</summary>
    private static string Quote(string value) =>
        value.Length <= MaxShownLength
            ? JsonSerializer.Serialize(value)
            : $"{JsonSerializer.Serialize(value[..MaxShownLength])}... ({value.Length} characters)";

    private static string Shorten(string value) => value.Length <= MaxShownLength ? value : value[..MaxShownLength] + "...";
}
