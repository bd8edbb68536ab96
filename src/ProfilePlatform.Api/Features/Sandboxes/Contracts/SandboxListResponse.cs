using System.Text.Json.Serialization;

namespace ProfilePlatform.Api.Features.Sandboxes.Contracts;

/// <summary>A page of sandboxes (sandbox.yaml <c>ListSandboxes</c>).</summary>
public sealed record SandboxListResponse(
    [property: JsonPropertyName("sandboxes")] IReadOnlyList<SandboxResponse> Sandboxes,
    [property: JsonPropertyName("_page")] PageInfo Page,
    [property: JsonPropertyName("_links")] PageLinks Links);

/// <summary>Paging facts of a list.</summary>
public sealed record PageInfo(
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("count")] int Count);

/// <summary>Links to the next page, present only when there is one.</summary>
public sealed record PageLinks([property: JsonPropertyName("next"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Link? Next);

/// <summary>A hypermedia link.</summary>
public sealed record Link([property: JsonPropertyName("href")] string Href);
