using NSwag;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>One operation of a spec: an HTTP method on a path template.</summary>
internal sealed record SpecOperation(AepSpec Spec, string Method, PathTemplate Path, OpenApiOperation Operation)
{
    /// <summary>
    /// The documented response for a status: the exact code, else its range (<c>4XX</c>), else <c>default</c>.
    /// </summary>
    public (string Key, OpenApiResponse Response)? FindResponse(int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] keys = [code, $"{code[0]}XX", "default"];
        foreach (var key in keys)
        {
            var found = Operation.Responses.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));
            if (found.Value is not null)
            {
                return (found.Key, found.Value.ActualResponse);
            }
        }

        return null;
    }

    public override string ToString() => $"{Spec.File} {Method} {Path.Template}";
}
