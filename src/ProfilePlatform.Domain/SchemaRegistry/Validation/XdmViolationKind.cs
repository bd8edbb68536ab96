namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>What a record breaks. Each kind is one JSON Schema keyword (<see cref="XdmRecordViolation.Keyword"/>), the
/// vocabulary AEP's validation reports use (help/ingestion/quality/streaming-validation.md: range, presence, enum,
/// pattern, type, format).</summary>
public enum XdmViolationKind
{
    /// <summary>Not JSON, nested too deep, or a key repeated within one object.</summary>
    Malformed,

    /// <summary>The value has the wrong JSON type (a number where a string is expected, ...).</summary>
    Type,

    /// <summary>A required field is missing or null.</summary>
    Required,

    /// <summary>The field is not defined in the schema.</summary>
    UnknownField,

    /// <summary>The value is not one of the field's <c>enum</c> values.</summary>
    Enum,

    /// <summary>The string does not have the field's <c>format</c> (date-time, date, email, uri ...).</summary>
    Format,

    /// <summary>The string does not match the field's <c>pattern</c>.</summary>
    Pattern,

    /// <summary>The number is below the field's minimum (or the range of its XDM type).</summary>
    Minimum,

    /// <summary>The number is above the field's maximum (or the range of its XDM type).</summary>
    Maximum,

    /// <summary>The number is not a multiple of the field's <c>multipleOf</c>.</summary>
    MultipleOf,

    /// <summary>The string is shorter than <c>minLength</c>.</summary>
    MinLength,

    /// <summary>The string is longer than <c>maxLength</c>.</summary>
    MaxLength,

    /// <summary>The array has fewer items than <c>minItems</c>.</summary>
    MinItems,

    /// <summary>The array has more items than <c>maxItems</c>.</summary>
    MaxItems,

    /// <summary>The array repeats an item although <c>uniqueItems</c> is set.</summary>
    UniqueItems,

    /// <summary>The object (or map) has fewer entries than <c>minProperties</c>.</summary>
    MinProperties,

    /// <summary>The object (or map) has more entries than <c>maxProperties</c>.</summary>
    MaxProperties,

    /// <summary>Any other rule of the schema.</summary>
    Invalid,
}
