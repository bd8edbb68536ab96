using System.Text.Json.Serialization;

namespace ProfilePlatform.Api.Features.Ims;

/// <summary>IMS token response: the three fields Adobe's clients read.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
