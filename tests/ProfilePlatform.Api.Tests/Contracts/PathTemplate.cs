using System.Text.RegularExpressions;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>An OpenAPI path template (<c>/sandboxes/{sandboxName}</c>) matched segment by segment.</summary>
/// <remarks>
/// A <c>{param}</c> matches one non-empty segment, a literal segment matches exactly (ordinal). A trailing
/// slash is significant unless matching leniently: specs write <c>/sandbox-management/</c> where clients
/// call <c>/sandbox-management</c>, and the reverse.
/// </remarks>
internal sealed class PathTemplate
{
    private readonly string[] _literals;
    private readonly Regex?[] _patterns;

    public PathTemplate(string template)
    {
        Template = template;
        var segments = Split(template);
        _literals = segments;
        _patterns = [.. segments.Select(s => s.Contains('{', StringComparison.Ordinal) ? ToPattern(s) : null)];
        LiteralSegments = segments.Where((s, i) => _patterns[i] is null && s.Length > 0).Count();
    }

    /// <summary>The template as the spec spells it.</summary>
    public string Template { get; }

    /// <summary>How many segments are literal: the more, the more specific the template.</summary>
    public int LiteralSegments { get; }

    /// <summary>Splits a path (no query string) into segments; a trailing slash gives a last empty segment.</summary>
    public static string[] Split(string path) => path.TrimStart('/').Split('/');

    public bool Matches(string[] requestSegments, bool lenientTrailingSlash)
    {
        ReadOnlySpan<string> template = _literals;
        ReadOnlySpan<string> request = requestSegments;
        ReadOnlySpan<Regex?> patterns = _patterns;
        if (lenientTrailingSlash)
        {
            template = WithoutTrailingEmpty(template);
            patterns = patterns[..template.Length];
            request = WithoutTrailingEmpty(request);
        }

        if (template.Length != request.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var matches = patterns[i] is { } pattern
                ? pattern.IsMatch(request[i])
                : string.Equals(template[i], request[i], StringComparison.Ordinal);
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Template;

    private static ReadOnlySpan<string> WithoutTrailingEmpty(ReadOnlySpan<string> segments) =>
        segments.Length > 1 && segments[^1].Length == 0 ? segments[..^1] : segments;

    private static Regex ToPattern(string segment)
    {
        var pattern = Regex.Replace(Regex.Escape(segment), @"\\\{[^}]*}", "[^/]+?");
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}
