using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Http;

/// <summary>Checks a request body before any controller reads it: its size against the configured limit (413)
/// and its Content-Type against what the endpoint consumes (400 when missing, as AEP's troubleshooting guide
/// shows, 415 when of another type).</summary>
public sealed class RequestBodyMiddleware(RequestDelegate next, GatewayOptions options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxRequestBodyBytes;
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (limit is { } max && http.Request.ContentLength > max)
        {
            throw new AepException(ErrorCatalog.Common.PayloadTooLarge, $"The request body is {http.Request.ContentLength} bytes; this endpoint accepts at most {max}: send a smaller body.");
        }

        var consumes = endpoint?.Metadata.GetMetadata<AepConsumesAttribute>();
        var method = http.Request.Method;
        if (consumes is not null && (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method)))
        {
            CheckContentType(http.Request, consumes);
        }

        await next(http);
    }

    private static void CheckContentType(HttpRequest request, AepConsumesAttribute consumes)
    {
        var raw = request.ContentType;
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new AepException(ErrorCatalog.Common.ContentTypeMissing, "A valid content-type must be specified");
        }

        if (!MediaTypeHeaderValue.TryParse(raw, out var mediaType)
            || !consumes.ContentTypes.Any(t => string.Equals(t, mediaType.MediaType.Value, StringComparison.OrdinalIgnoreCase)))
        {
            throw new AepException(
                ErrorCatalog.Common.UnsupportedMediaType,
                $"Content-Type '{raw}' is not supported here: send {string.Join(" or ", consumes.ContentTypes)}.");
        }
    }
}
