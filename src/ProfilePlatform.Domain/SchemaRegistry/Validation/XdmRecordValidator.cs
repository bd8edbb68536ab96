using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>Validates records against one composed XDM schema (the Schema Registry's <c>xed-full</c> form), with
/// NJsonSchema as the JSON Schema engine. Compile once per schema version (<see cref="XdmValidatorCache"/>); an
/// instance is immutable and validates concurrently.</summary>
/// <remarks>
/// A record is valid when it is a JSON object that breaks none of the schema's rules. Every violation is listed,
/// each with its field as a JSON pointer (<see cref="XdmRecordViolation"/>); AEP's streaming validation stops at
/// five, the platform reports all so a failed batch row names every field to fix. Unknown fields are violations:
/// AEP rejects a record holding a field its schema does not define (help/ingestion/quality/streaming-validation.md,
/// "extraneous key [person] is not permitted"). Null-valued fields count as absent (see
/// <see cref="XdmRecordReader"/>); integer fields are held to the range of their <c>meta:xdmType</c>; dates and
/// date-times must follow RFC 3339 (see <see cref="XdmValidationSchema"/> and <see cref="XdmFormats"/>).
/// </remarks>
public sealed class XdmRecordValidator
{
    private readonly XdmValidationSchema schema;
    private readonly XdmJsonSchemaValidator engine;

    private XdmRecordValidator(string? schemaId, XdmValidationSchema schema)
    {
        SchemaId = schemaId;
        this.schema = schema;
        engine = new XdmJsonSchemaValidator(schema.Rules);
    }

    /// <summary>The composed schema's <c>$id</c>, when it has one.</summary>
    public string? SchemaId { get; }

    /// <summary>Compiles a composed schema (<see cref="XdmComposer.Compose"/>). Throws an
    /// <see cref="Errors.AepException"/> (XDM-1000-400) when a field cannot be validated, e.g. an invalid pattern.</summary>
    public static XdmRecordValidator Compile(JsonObject composedSchema)
    {
        ArgumentNullException.ThrowIfNull(composedSchema);
        var id = composedSchema["$id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return new XdmRecordValidator(id, XdmValidationSchema.From(composedSchema));
    }

    /// <summary>Every violation of a parsed record; empty when it is valid.</summary>
    public IReadOnlyList<XdmRecordViolation> Validate(JsonElement record)
    {
        var violations = new List<XdmRecordViolation>();
        return Check(XdmRecordReader.FromElement(record, violations), violations);
    }

    /// <summary>Every violation of a record given as UTF-8 JSON (one JSON value); empty when it is valid. Bytes that
    /// are not JSON give one <see cref="XdmViolationKind.Malformed"/> violation.</summary>
    public IReadOnlyList<XdmRecordViolation> Validate(ReadOnlySpan<byte> utf8Record)
    {
        var violations = new List<XdmRecordViolation>();
        return Check(XdmRecordReader.FromUtf8(utf8Record, violations), violations);
    }

    private List<XdmRecordViolation> Check(JToken? record, List<XdmRecordViolation> violations)
    {
        if (record is null)
        {
            return violations;
        }

        var errors = engine.Validate(record, schema.Root);
        if (errors.Count > 0)
        {
            new XdmViolations(schema.Rules).Add(errors, violations);
        }

        return violations;
    }
}
