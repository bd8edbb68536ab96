namespace ProfilePlatform.Api.Common.Errors;

/// <summary>Headers an error response must carry (a 416's <c>Content-Range: bytes */{length}</c>, RFC 9110 §15.5.17).
/// The exception-handler middleware clears the response before <see cref="AepExceptionHandler"/> writes the error, so
/// a controller records them on the request instead of the response, and the handler sets them again.</summary>
public static class ErrorResponseHeaders
{
    private static readonly object Key = new();

    /// <summary>Records a header for the error response of this request.</summary>
    public static void Add(HttpContext http, string name, string value)
    {
        if (http.Items[Key] is not Dictionary<string, string> headers)
        {
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            http.Items[Key] = headers;
        }

        headers[name] = value;
    }

    /// <summary>Sets the recorded headers on the response.</summary>
    public static void Apply(HttpContext http)
    {
        if (http.Items[Key] is Dictionary<string, string> headers)
        {
            foreach (var (name, value) in headers)
            {
                http.Response.Headers[name] = value;
            }
        }
    }
}
