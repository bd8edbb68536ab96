using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>NJsonSchema's validator plus the checks the platform keeps to itself: XDM formats (<see cref="XdmFormats"/>)
/// and patterns with a time limit (NJsonSchema matches patterns without one). Stateless after construction: one
/// instance serves concurrent validations.</summary>
internal sealed class XdmJsonSchemaValidator(IReadOnlyDictionary<JsonSchema, XdmFieldRules> rules) : JsonSchemaValidator
{
    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        if (token is JValue { Value: BigInteger huge })
        {
            return ValidateHugeInteger((JValue)token, huge, schema, schemaType, propertyName, propertyPath);
        }

        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        if (token.Type != JTokenType.String || !rules.TryGetValue(schema, out var field) || (field.Format is null && field.Pattern is null))
        {
            return errors;
        }

        var value = (string)((JValue)token).Value!;
        if (field.Format is not null && !XdmFormats.IsValid(field.Format, value))
        {
            errors.Add(new FormatError(field.Format, propertyName, propertyPath, token, schema));
        }

        if (field.Pattern is not null)
        {
            try
            {
                if (!field.Pattern.IsMatch(value))
                {
                    errors.Add(new ValidationError(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, schema));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                errors.Add(new PatternTimeoutError(propertyName, propertyPath, token, schema));
            }
        }

        return errors;
    }

    /// <summary>An integer beyond <see cref="long"/>, which NJsonSchema cannot convert: validated as the nearest
    /// <see cref="long"/> (beyond every XDM integer range, so range and type checks come out the same) and reported
    /// with the record's own token.</summary>
    private List<ValidationError> ValidateHugeInteger(JValue token, BigInteger value, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var standIn = new JValue(value.Sign < 0 ? long.MinValue : long.MaxValue);
        return [.. base.Validate(standIn, schema, schemaType, propertyName, propertyPath)
            .Select(e => ReferenceEquals(e.Token, standIn) ? new ValidationError(e.Kind, e.Property, e.Path, token, e.Schema) : e)];
    }
}

/// <summary>A value the pattern could not be evaluated on within <see cref="XdmValidationSchema.PatternTimeout"/>.</summary>
internal sealed class PatternTimeoutError(string? propertyName, string propertyPath, JToken token, JsonSchema schema)
    : ValidationError(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, schema);

/// <summary>A string that does not have its field's <see cref="XdmFormats">format</see>.</summary>
internal sealed class FormatError(string format, string? propertyName, string propertyPath, JToken token, JsonSchema schema)
    : ValidationError(ValidationErrorKind.Unknown, propertyName, propertyPath, token, schema)
{
    public string Format { get; } = format;
}
