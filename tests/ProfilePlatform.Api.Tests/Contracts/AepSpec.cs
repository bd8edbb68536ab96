using NJsonSchema;
using NSwag;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>One vendored AEP spec, loaded: where it is mounted and its operations.</summary>
internal sealed class AepSpec
{
    public AepSpec(string file, string basePath, OpenApiDocument document)
    {
        File = file;
        BasePath = basePath;
        Document = document;
        Operations =
        [
            .. document.Paths.SelectMany(path => path.Value.Select(op =>
                new SpecOperation(this, op.Key.ToUpperInvariant(), new PathTemplate(path.Key), op.Value))),
        ];
    }

    /// <summary>The file name, e.g. <c>sandbox.yaml</c>.</summary>
    public string File { get; }

    /// <summary>The path the spec's paths are relative to (<c>/data/foundation</c>); empty for the host root.</summary>
    public string BasePath { get; }

    public OpenApiDocument Document { get; }

    public bool IsSwagger2 => Document.SchemaType == SchemaType.Swagger2;

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>The request path relative to <see cref="BasePath"/>, or <c>null</c> when the spec is not mounted there.</summary>
    public string? RelativePath(string requestPath)
    {
        if (BasePath.Length == 0)
        {
            return requestPath;
        }

        if (!requestPath.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = requestPath[BasePath.Length..];
        return rest.Length == 0 ? "/" : rest[0] == '/' ? rest : null;
    }

    /// <summary>The most specific operation for the method whose template matches the relative path.</summary>
    public SpecOperation? FindOperation(string method, string relativePath, bool lenientTrailingSlash)
    {
        var segments = PathTemplate.Split(relativePath);
        return Operations
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase))
            .Where(o => o.Path.Matches(segments, lenientTrailingSlash))
            .OrderByDescending(o => o.Path.LiteralSegments)
            .FirstOrDefault();
    }

    /// <summary>Every operation whose template matches the relative path, whatever its method (for diagnostics).</summary>
    public IEnumerable<SpecOperation> OperationsOnPath(string relativePath)
    {
        var segments = PathTemplate.Split(relativePath);
        return Operations.Where(o => o.Path.Matches(segments, lenientTrailingSlash: true));
    }

    /// <summary>
    /// The JSON schema of a response body: Swagger 2.0's <c>schema</c>; in OpenAPI 3 the JSON media type matching
    /// <paramref name="contentType"/>, else <c>application/json</c>, else the first JSON one (<c>+json</c>, <c>;version=</c>).
    /// None for a non-JSON body the spec documents as such (a file download).
    /// </summary>
    public (string? MediaType, JsonSchema? Schema) ResponseSchema(OpenApiResponse response, string? contentType)
    {
        if (IsSwagger2)
        {
            return (null, response.Schema);
        }

        if (contentType is not null && !IsJson(contentType)
            && response.Content.Keys.FirstOrDefault(k => SameType(k, contentType)) is { } documented)
        {
            // A non-JSON body the spec documents (a file download): no JSON schema applies.
            return (documented, null);
        }

        var json = response.Content.Where(c => IsJson(c.Key)).ToList();
        var chosen = json.FirstOrDefault(c => contentType is not null && SameType(c.Key, contentType));
        if (chosen.Value is null)
        {
            chosen = json.FirstOrDefault(c => SameType(c.Key, "application/json"));
        }

        if (chosen.Value is null)
        {
            chosen = json.FirstOrDefault();
        }

        return (chosen.Key, chosen.Value?.Schema);
    }

    public override string ToString() => File;

    private static string BaseType(string mediaType) => mediaType.Split(';')[0].Trim();

    private static bool SameType(string a, string b) => string.Equals(BaseType(a), BaseType(b), StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string mediaType) => BaseType(mediaType).Contains("json", StringComparison.OrdinalIgnoreCase);
}
