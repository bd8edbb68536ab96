using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>What the validator keeps of one field besides what NJsonSchema checks: its XDM type (for messages and
/// integer ranges), and the format and pattern the platform checks itself (strictly, and with a time limit).</summary>
internal sealed record XdmFieldRules(string? XdmType, string? Format, Regex? Pattern);
