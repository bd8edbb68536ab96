using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Validates a JSON body against a response schema with NJsonSchema, then waives known spec deviations.</summary>
/// <remarks>
/// <para>Format checks are on: NJsonSchema's parameterless validator checks no <c>format</c> at all, the one built
/// from <see cref="JsonSchemaValidatorSettings"/> checks <c>date-time</c>, <c>uuid</c>, <c>email</c>, <c>uri</c>...</para>
/// <para>Schemas are read in OpenAPI 3 mode for both spec versions: NJsonSchema keeps <c>nullable</c> (OpenAPI 3) and
/// <c>x-nullable</c> (Swagger 2.0) in the same place, and its Swagger 2.0 mode would also accept <c>null</c> for
/// every optional property, which neither spec version says.</para>
/// <para>NJsonSchema nests errors (allOf, array items, additional properties); they are flattened to the leaf errors
/// with their JSON paths. A <c>oneOf</c>/<c>anyOf</c> is re-decided after deviations are waived inside its branches,
/// so a deviation deep in a branch does not need a second one on the <c>oneOf</c>. A deviation on a <c>oneOf</c>
/// itself waives only ambiguity (several schemas match), never a body that matches none.</para>
/// </remarks>
internal static class BodyValidator
{
    private const int MaxShownValueLength = 80;

    public static (IReadOnlyList<ContractError> Errors, IReadOnlyList<AppliedDeviation> Waived) Validate(
        JsonSchema schema, string body, Func<ContractError, SpecDeviation?> deviationFor)
    {
        if (!TryParse(body, out var token, out var parseError))
        {
            return ([new ContractError("$", ValidationErrorKind.Unknown, parseError)], []);
        }

        return Validate(schema, token, deviationFor);
    }

    public static (IReadOnlyList<ContractError> Errors, IReadOnlyList<AppliedDeviation> Waived) Validate(
        JsonSchema schema, JToken body, Func<ContractError, SpecDeviation?> deviationFor)
    {
        var validator = new JsonSchemaValidator(new JsonSchemaValidatorSettings());
        var outcome = Reduce(validator.Validate(body, schema, SchemaType.OpenApi3), deviationFor);
        return (outcome.Errors.DistinctBy(e => (e.Path, e.Kind)).ToList(), outcome.Waived);
    }

    private static bool TryParse(string body, out JToken token, out string error)
    {
        token = JValue.CreateNull();
        error = "";
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "the body is empty, but the spec documents a JSON schema for this response";
            return false;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                error = $"the body has content after its JSON value (line {reader.LineNumber}, position {reader.LinePosition})";
                return false;
            }

            return true;
        }
        catch (JsonReaderException e)
        {
            error = $"the body is not JSON: {e.Message}";
            return false;
        }
    }

    private sealed record Outcome(List<ContractError> Errors, List<AppliedDeviation> Waived)
    {
        public static Outcome Empty() => new([], []);
    }

    private static Outcome Reduce(IEnumerable<ValidationError> errors, Func<ContractError, SpecDeviation?> deviationFor)
    {
        var outcome = Outcome.Empty();
        foreach (var error in errors)
        {
            switch (error)
            {
                case ChildSchemaValidationError { Kind: ValidationErrorKind.NotOneOf } oneOf:
                    DecideBranches(error, oneOf.Errors.Values, exactlyOne: true, "oneOf", deviationFor, outcome);
                    break;
                case ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf } anyOf:
                    DecideBranches(error, anyOf.Errors.Values, exactlyOne: false, "anyOf", deviationFor, outcome);
                    break;
                case MultiTypeValidationError multiType:
                    DecideBranches(error, multiType.Errors.Values, exactlyOne: false, "type", deviationFor, outcome);
                    break;
                case ChildSchemaValidationError nested:
                    // allOf, array items, additional properties: every nested error counts.
                    var inner = Reduce(nested.Errors.Values.SelectMany(e => e), deviationFor);
                    outcome.Errors.AddRange(inner.Errors);
                    outcome.Waived.AddRange(inner.Waived);
                    break;
                default:
                    Waive(ToContractError(error), deviationFor, outcome);
                    break;
            }
        }

        return outcome;
    }

    private static void DecideBranches(
        ValidationError error,
        IEnumerable<ICollection<ValidationError>> branchErrors,
        bool exactlyOne,
        string keyword,
        Func<ContractError, SpecDeviation?> deviationFor,
        Outcome outcome)
    {
        var branches = branchErrors.Select(b => Reduce(b, deviationFor)).ToList();
        var passing = branches.Where(b => b.Errors.Count == 0).ToList();
        if (exactlyOne ? passing.Count == 1 : passing.Count > 0)
        {
            outcome.Waived.AddRange(passing[0].Waived);
            return;
        }

        if (passing.Count == 0)
        {
            // Not waivable as a whole: only deviations inside a branch can make it match.
            var reasons = branches.Select((b, i) => $"[{i + 1}] {string.Join(", ", b.Errors.Take(3).Select(e => $"{e.Path} {e.Kind}"))}");
            outcome.Errors.Add(new ContractError(JsonPath(error.Path), error.Kind,
                $"matches none of the {branches.Count} schemas of its {keyword}: {string.Join("; ", reasons)}"));
            return;
        }

        // Several oneOf branches match: the schema is ambiguous, which a deviation on the oneOf itself may waive.
        Waive(new ContractError(JsonPath(error.Path), error.Kind,
            $"matches {passing.Count} of the {branches.Count} schemas of its {keyword}, which allows exactly one"), deviationFor, outcome);
    }

    private static void Waive(ContractError error, Func<ContractError, SpecDeviation?> deviationFor, Outcome outcome)
    {
        if (deviationFor(error) is { } deviation)
        {
            outcome.Waived.Add(new AppliedDeviation(error, deviation));
        }
        else
        {
            outcome.Errors.Add(error);
        }
    }

    private static ContractError ToContractError(ValidationError error)
    {
        var path = JsonPath(error.Path);
        var message = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
            ValidationErrorKind.NotInEnumeration => $"{Shown(error.Token)} is not one of {string.Join(", ", error.Schema?.Enumeration.Select(v => JsonConvert.SerializeObject(v)) ?? [])}",
            ValidationErrorKind.PatternMismatch => $"{Shown(error.Token)} does not match the pattern {error.Schema?.Pattern}",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "the schema allows no such property",
            _ => $"found {Shown(error.Token)}",
        };
        return new ContractError(path, error.Kind, message);
    }

    /// <summary>NJsonSchema's <c>#/a.b[0]</c> as a JSON path, <c>$.a.b[0]</c>.</summary>
    private static string JsonPath(string? path)
    {
        var raw = path ?? "#/";
        var rest = raw.StartsWith("#/", StringComparison.Ordinal) ? raw[2..] : raw;
        return rest.Length == 0 ? "$" : rest[0] == '[' ? "$" + rest : "$." + rest;
    }

    private static string Shown(JToken? token)
    {
        if (token is null or { Type: JTokenType.Null })
        {
            return "null";
        }

        var text = token.ToString(Formatting.None);
        if (text.Length > MaxShownValueLength)
        {
            text = text[..MaxShownValueLength] + "...";
        }

        return $"{token.Type.ToString().ToLowerInvariant()} {text}";
    }
}
