namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>One way a record breaks its XDM schema.</summary>
/// <param name="Path">The field as a JSON pointer (RFC 6901) into the record: <c>/person/name/firstName</c>,
/// <c>/_acme/loyalty/points</c>, <c>/identityMap/ECID/0/id</c>; empty for the record itself. For a missing required
/// field and for a field the schema does not define, the pointer names that field.</param>
/// <param name="Kind">The rule that is broken.</param>
/// <param name="Message">A sentence naming the field, what the schema expects and what the record holds (long values
/// are shortened).</param>
public sealed record XdmRecordViolation(string Path, XdmViolationKind Kind, string Message)
{
    /// <summary>The JSON Schema keyword of the rule (<c>type</c>, <c>required</c>, <c>additionalProperties</c>,
    /// <c>enum</c>, <c>format</c>, <c>pattern</c>, <c>minimum</c> ...): AEP's validation reports carry it as
    /// <c>keyword</c>, and <c>"#" + Path</c> as <c>pointerToViolation</c>.</summary>
    public string Keyword => Kind switch
    {
        XdmViolationKind.Malformed => "syntax",
        XdmViolationKind.Type => "type",
        XdmViolationKind.Required => "required",
        XdmViolationKind.UnknownField => "additionalProperties",
        XdmViolationKind.Enum => "enum",
        XdmViolationKind.Format => "format",
        XdmViolationKind.Pattern => "pattern",
        XdmViolationKind.Minimum => "minimum",
        XdmViolationKind.Maximum => "maximum",
        XdmViolationKind.MultipleOf => "multipleOf",
        XdmViolationKind.MinLength => "minLength",
        XdmViolationKind.MaxLength => "maxLength",
        XdmViolationKind.MinItems => "minItems",
        XdmViolationKind.MaxItems => "maxItems",
        XdmViolationKind.UniqueItems => "uniqueItems",
        XdmViolationKind.MinProperties => "minProperties",
        XdmViolationKind.MaxProperties => "maxProperties",
        _ => "invalid",
    };
}
