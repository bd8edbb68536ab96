using System.Text.Json.Serialization;

namespace ProfilePlatform.Api.Features.Sandboxes.Contracts;

/// <summary>Supported sandbox types, in the form help/sandboxes/api/list-sandbox-types.md shows (a list of names).</summary>
public sealed record SandboxTypesResponse([property: JsonPropertyName("sandboxTypes")] IReadOnlyList<string> SandboxTypes);
