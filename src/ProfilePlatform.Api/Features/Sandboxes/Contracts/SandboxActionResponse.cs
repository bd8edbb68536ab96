using System.Text.Json.Serialization;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Api.Features.Sandboxes.Contracts;

/// <summary>The answer to create, reset and delete (sandbox.yaml <c>CreateSandboxResponse</c>, <c>ResetSandboxResponse</c>, <c>DeleteSandbox</c>).</summary>
public sealed record SandboxActionResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("region")] string Region)
{
    public static SandboxActionResponse From(Sandbox s) => new(s.Name, s.Title, s.State.ToWire(), s.Type.ToWire(), s.Region);
}
