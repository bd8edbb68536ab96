using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Gateway;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Api.Features.Health;
using ProfilePlatform.Domain.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;

namespace ProfilePlatform.Api.Hosting;

/// <summary>The request pipeline: request id → request log → errors → routing → body checks → gateway → endpoints.</summary>
public static class PlatformPipeline
{
    public static WebApplication UseProfilePlatform(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();

        // Outside the exception handler, so the log line shows the status the client got.
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (org {ImsOrg}, sandbox {Sandbox})";
            o.EnrichDiagnosticContext = (diag, http) =>
            {
                var caller = http.RequestServices.GetService<AepCaller>();
                var tenancy = http.RequestServices.GetService<Domain.Tenancy.TenancyContext>();
                diag.Set("ImsOrg", caller is { IsAuthenticated: true } ? caller.ImsOrg : "-");
                diag.Set("Sandbox", tenancy?.Sandbox ?? "-");
            };
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask });
        app.UseStatusCodePages(WriteBodilessStatusAsync);
        app.UseRouting();
        app.UseMiddleware<RequestBodyMiddleware>();
        app.UseMiddleware<GatewayMiddleware>();
        app.UsePlatformSwagger();
        app.MapControllers();
        app.MapPlatformHealth();
        return app;
    }

    /// <summary>Unknown routes and wrong methods get an AEP body too, not an empty 404/405.</summary>
    private static Task WriteBodilessStatusAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        var status = http.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => new AepException(ErrorCatalog.Common.NotFound, $"No resource at {http.Request.Method} {http.Request.Path}: check the path against the service's API reference."),
            StatusCodes.Status405MethodNotAllowed => new AepException(ErrorCatalog.Common.MethodNotAllowed, $"{http.Request.Method} is not supported on {http.Request.Path}."),
            _ => new AepException(new AepError(status.ToString(System.Globalization.CultureInfo.InvariantCulture), status, "Error", AepErrorKind.Generic), $"The request failed with status {status}."),
        };
        return http.RequestServices.GetRequiredService<AepErrorResponder>().WriteAsync(http, error, http.GetEndpoint(), http.RequestAborted);
    }
}
