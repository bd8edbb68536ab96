using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Errors;

/// <summary>Writes an <see cref="AepException"/> as the AEP error JSON of the service that was called: the one
/// place where error bodies are made.</summary>
public sealed class AepErrorResponder(TimeProvider clock)
{
    public static AepErrorFormat FormatFor(AepError error, Endpoint? endpoint) => error.Kind switch
    {
        AepErrorKind.Gateway => AepErrorFormat.Gateway,
        AepErrorKind.Ims => AepErrorFormat.Ims,
        _ => endpoint?.Metadata.GetMetadata<AepServiceAttribute>()?.Format ?? AepErrorFormat.Generic,
    };

    public Task WriteAsync(HttpContext http, AepException ex, Endpoint? endpoint, CancellationToken ct)
    {
        var format = FormatFor(ex.Error, endpoint);
        var body = Build(format, ex, http.TraceIdentifier);
        http.Response.StatusCode = ex.Error.Status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(body.ToJsonString(JsonOptions), ct);
    }

    internal JsonObject Build(AepErrorFormat format, AepException ex, string requestId)
    {
        var e = ex.Error;
        var detail = ex.Message;
        return format switch
        {
            AepErrorFormat.Gateway => new JsonObject
            {
                ["error_code"] = e.Code,
                ["message"] = e.Kind == AepErrorKind.Gateway ? detail : $"{e.Title}: {detail}",
            },
            AepErrorFormat.Ims => new JsonObject
            {
                ["error"] = e.Kind == AepErrorKind.Ims ? e.Code : "invalid_request",
                ["error_description"] = detail,
            },
            AepErrorFormat.Xdm => new JsonObject
            {
                ["type"] = e.TypeUri,
                ["title"] = e.Title,
                ["status"] = e.Status,
                ["report"] = new JsonObject
                {
                    ["registryRequestId"] = requestId,
                    ["timestamp"] = clock.GetUtcNow().ToString("MM-dd-yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                    ["detailed-message"] = detail,
                    ["sub-errors"] = new JsonArray(ex.SubErrors.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                },
                ["detail"] = detail,
            },
            AepErrorFormat.Flow => new JsonObject
            {
                ["type"] = e.TypeUri,
                ["title"] = e.Title,
                ["status"] = e.Status,
                ["report"] = new JsonObject
                {
                    ["detailed-message"] = detail,
                    ["request-id"] = requestId,
                },
                ["errorMessage"] = detail,
            },
            AepErrorFormat.Dcs when e == ErrorCatalog.Streaming.TokenMissing || e == ErrorCatalog.Streaming.TokenInvalid => new JsonObject
            {
                ["type"] = "https://ns.adobe.com/adobecloud/problem/data-collection-service-authorization",
                ["status"] = e.Status.ToString(CultureInfo.InvariantCulture),
                ["title"] = e.Title,
                ["report"] = new JsonObject { ["message"] = detail },
            },
            AepErrorFormat.Dcs => new JsonObject
            {
                ["type"] = DcsInletProblem,
                ["status"] = e.Status,
                ["title"] = e.Title,
                ["report"] = new JsonObject { ["message"] = detail },
            },
            AepErrorFormat.Sandbox => new JsonObject
            {
                ["status"] = e.Status,
                // SMS puts its own coded errors' message in title; generic errors keep AEP's generic title.
                ["title"] = e.Kind == AepErrorKind.Generic ? e.Title : detail,
                ["type"] = e.TypeUri,
                ["detail"] = detail,
                ["requestId"] = requestId,
            },
            AepErrorFormat.IdentityNamespace => new JsonObject
            {
                ["timestamp"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["type"] = "http://ns.adobe.com/adobecloud/problem/namespacevalidation",
                ["status"] = e.Status,
                ["title"] = e.Title,
                ["error"] = ServiceCode(e),
                ["description"] = detail,
                ["report"] = new JsonObject { ["code"] = ServiceCode(e) },
            },
            AepErrorFormat.Identity => new JsonObject
            {
                ["title"] = e.Title,
                ["status"] = e.Status,
                ["detail"] = detail,
            },
            AepErrorFormat.IdentityCluster => new JsonObject
            {
                ["title"] = e.Title,
                ["status"] = e.Status,
                ["description"] = detail,
            },
            AepErrorFormat.IdentityGraph => new JsonObject
            {
                ["reason"] = $"{(e.Status == 400 ? "Validation error" : e.Title)} Request id: {requestId}.",
                ["message"] = detail,
            },
            AepErrorFormat.Profile => new JsonObject
            {
                ["message"] = e.Kind == AepErrorKind.Service ? $"{e.Code}: {detail}" : detail,
                ["cause"] = e.Title,
                ["statusCode"] = e.Status.ToString(CultureInfo.InvariantCulture),
            },
            _ => new JsonObject
            {
                ["type"] = e.TypeUri,
                ["status"] = e.Status,
                ["title"] = e.Title,
                ["detail"] = detail,
                ["requestId"] = requestId,
            },
        };
    }

    /// <summary>The code a coded body carries: the service's own code, or the title of an error any service sends
    /// (<c>BadRequestError</c>, <c>InternalServerError</c>).</summary>
    private static string ServiceCode(AepError e) => e.Kind == AepErrorKind.Service ? e.Code : e.Title;

    /// <summary>The problem type of DCS's inlet errors (help/ingestion/quality/streaming-validation.md).</summary>
    public const string DcsInletProblem = "http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
