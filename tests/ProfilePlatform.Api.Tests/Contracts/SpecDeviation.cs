using System.Text.RegularExpressions;
using NJsonSchema.Validation;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>
/// A place where a vendored AEP spec is known to contradict AEP's real behaviour: one kind of validation
/// error, at matching JSON paths, in one documented response of one operation.
/// </summary>
/// <remarks>
/// Deviations waive single errors, never whole responses, so everything else in the body is still checked.
/// The <see cref="Reason"/> cites where the real behaviour is documented (the spec's own examples, the AEP docs).
/// A <c>NotOneOf</c> entry waives only an ambiguous <c>oneOf</c> (several schemas match), never a value that
/// matches none; errors inside a <c>oneOf</c> branch are waived by entries on their own paths.
/// </remarks>
/// <param name="Spec">The spec file, e.g. <c>sandbox.yaml</c>.</param>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="PathTemplate">The spec's path template, exactly as written, e.g. <c>/sandbox-management/sandboxTypes</c>.</param>
/// <param name="Status">The response key, exactly as written: <c>200</c>, <c>default</c>.</param>
/// <param name="JsonPath">
/// The error's JSON path; <c>[*]</c> matches any array index and <c>*</c> any one property name:
/// <c>$.sandboxTypes[*]</c>, <c>$.*.relatedObjects[*].type</c>.
/// </param>
/// <param name="Kind">The NJsonSchema error kind waived there.</param>
/// <param name="Reason">Why the spec is wrong and where AEP's real behaviour is shown.</param>
/// <param name="Scope">Whether it also waives errors in ProfilePlatform's responses, or only in the spec's own examples.</param>
public sealed record SpecDeviation(
    string Spec,
    string Method,
    string PathTemplate,
    string Status,
    string JsonPath,
    ValidationErrorKind Kind,
    string Reason,
    DeviationScope Scope = DeviationScope.Everywhere)
{
    private readonly Regex _path = ToRegex(JsonPath);

    internal bool Matches(SpecOperation operation, string status, ContractError error, bool isSpecExample) =>
        error.Kind == Kind
        && (isSpecExample || Scope == DeviationScope.Everywhere)
        && string.Equals(Spec, operation.Spec.File, StringComparison.Ordinal)
        && string.Equals(Method, operation.Method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PathTemplate, operation.Path.Template, StringComparison.Ordinal)
        && string.Equals(Status, status, StringComparison.OrdinalIgnoreCase)
        && _path.IsMatch(error.Path);

    public override string ToString() => $"{Spec} {Method} {PathTemplate} {Status} {JsonPath} {Kind}";

    private static Regex ToRegex(string jsonPath)
    {
        var pattern = Regex.Escape(jsonPath)
            .Replace(@"\[\*]", @"\[[0-9]+]", StringComparison.Ordinal)
            .Replace(@"\*", @"[^.\[]+", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}
