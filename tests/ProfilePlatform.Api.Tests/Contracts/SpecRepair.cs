using Newtonsoft.Json.Linq;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>A fix applied in memory to one vendored spec before NSwag reads it (the YAML file stays unchanged).</summary>
/// <remarks>
/// Only for defects that stop NSwag from loading the document at all (broken <c>$ref</c>s). Each repair
/// must find exactly what it fixes, or loading fails, so a corrected spec makes its repair visible.
/// </remarks>
/// <param name="Spec">The spec file, e.g. <c>sandbox.yaml</c>.</param>
/// <param name="Reason">What is broken and where.</param>
/// <param name="Apply">Fixes the document's JSON; returns <c>false</c> when the defect is not there.</param>
internal sealed record SpecRepair(string Spec, string Reason, Func<JObject, bool> Apply);
