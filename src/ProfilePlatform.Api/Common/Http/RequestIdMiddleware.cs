using System.Text.RegularExpressions;
using Serilog.Context;

namespace ProfilePlatform.Api.Common.Http;

/// <summary>Gives every request an id: the client's <c>x-request-id</c> when it sends a sane one, else a new
/// one; echoes it on the response and puts it on every log line of the request.</summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "x-request-id";

    public async Task InvokeAsync(HttpContext http)
    {
        var incoming = http.Request.Headers[Header].ToString();
        var id = incoming.Length is > 0 and <= 128 && SafeId().IsMatch(incoming) ? incoming : Guid.NewGuid().ToString();
        http.TraceIdentifier = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("RequestId", id))
        {
            await next(http);
        }
    }

    // Request ids go into headers and logs: no control characters or spaces from the client.
    [GeneratedRegex("^[A-Za-z0-9._:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();
}
