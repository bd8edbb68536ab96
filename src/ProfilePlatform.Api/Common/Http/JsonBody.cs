using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Http;

/// <summary>Reads a request body as JSON whatever its declared type, for endpoints that also take bodies sent as
/// <c>text/plain</c> (Adobe's own Profile Postman collection sends its merge policy bodies without a Content-Type,
/// which Postman then sends as <c>text/plain</c>).</summary>
public static class JsonBody
{
    /// <summary>The body as a JSON node; null for an empty body or the literal <c>null</c>. Malformed JSON is a 400
    /// naming the position, as MVC's own reader reports it.</summary>
    public static async Task<JsonNode?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new AepException(
                ErrorCatalog.Common.BadRequest,
                $"Malformed JSON at '{ex.Path ?? "$"}' (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split(" Path:", 2)[0]}");
        }
    }
}
