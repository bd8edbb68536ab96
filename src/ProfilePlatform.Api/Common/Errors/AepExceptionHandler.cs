using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Common.Errors;

/// <summary>Turns every exception into an AEP error response; unknown exceptions become a 500 that carries the
/// request id and no internals.</summary>
public sealed class AepExceptionHandler(AepErrorResponder responder, ILogger<AepExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var aep = exception switch
        {
            AepException a => a,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => PayloadTooLarge(http),
            BadHttpRequestException bad => new AepException(ErrorCatalog.Common.BadRequest, $"The request could not be read: {bad.Message}"),
            _ => null,
        };

        if (aep is null)
        {
            // 5xx are logged with the exception; 4xx are the client's and are not.
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            aep = new AepException(ErrorCatalog.Common.Internal, $"An internal error occurred. Quote request id {http.TraceIdentifier} when reporting it.");
        }

        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        ErrorResponseHeaders.Apply(http);
        await responder.WriteAsync(http, aep, endpoint, cancellationToken);
        return true;
    }

    internal static AepException PayloadTooLarge(HttpContext http)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return new AepException(
            ErrorCatalog.Common.PayloadTooLarge,
            limit is { } l ? $"The request body is larger than this endpoint accepts ({l} bytes): send a smaller body." : "The request body is too large.");
    }
}
