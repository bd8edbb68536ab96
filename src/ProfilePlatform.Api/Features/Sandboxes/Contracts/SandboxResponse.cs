using System.Globalization;
using System.Text.Json.Serialization;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Api.Features.Sandboxes.Contracts;

/// <summary>A sandbox as the Sandbox API returns it (sandbox.yaml <c>GetSandboxSystemResponse</c>).</summary>
/// <remarks>Dates use the <c>yyyy-MM-dd HH:mm:ss</c> form of the AEP docs' examples (help/sandboxes/api/sandboxes.md).</remarks>
public sealed record SandboxResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("isDefault")] bool IsDefault,
    [property: JsonPropertyName("etag")] int ETag,
    [property: JsonPropertyName("createdDate")] string CreatedDate,
    [property: JsonPropertyName("lastModifiedDate")] string LastModifiedDate,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("modifiedBy")] string ModifiedBy)
{
    public static SandboxResponse From(Sandbox s) => new(
        s.Name, s.Title, s.State.ToWire(), s.Type.ToWire(), s.Region, s.IsDefault, s.ETag,
        FormatDate(s.CreatedDate), FormatDate(s.LastModifiedDate), s.CreatedBy, s.ModifiedBy);

    internal static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
