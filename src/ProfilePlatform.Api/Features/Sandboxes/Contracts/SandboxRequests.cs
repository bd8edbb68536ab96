using System.Text.Json.Serialization;

namespace ProfilePlatform.Api.Features.Sandboxes.Contracts;

/// <summary>Body of <c>POST /sandboxes</c>.</summary>
public sealed record CreateSandboxRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("type")] string? Type);

/// <summary>Body of <c>PATCH /sandboxes/{name}</c>: only the title can change.</summary>
public sealed record PatchSandboxRequest([property: JsonPropertyName("title")] string? Title);

/// <summary>Body of <c>PUT /sandboxes/{name}</c>.</summary>
public sealed record ResetSandboxRequest([property: JsonPropertyName("action")] string? Action);
