using System.Globalization;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Checks ProfilePlatform's responses against Adobe's official AEP OpenAPI specs (<c>aep-openapi/</c>).</summary>
/// <remarks>
/// The operation is found from the request (method and path as the client sent it, base path included), the
/// documented response from the status, and the body is validated against that response's JSON schema.
/// Places where a spec is known to be wrong are waived one error at a time by <see cref="KnownSpecDeviations"/>.
/// A response that cannot be checked (no operation, undocumented status) fails: nothing passes silently.
/// </remarks>
public static class OpenApiContract
{
    /// <summary>Fails the test unless the response matches its spec, listing every error with its JSON path.</summary>
    public static async Task AssertMatchesAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage
            ?? throw new ArgumentException("The response has no request message to find its operation from.", nameof(response));
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(response));
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];
        var body = await response.Content.ReadAsStringAsync();
        var result = Validate(request.Method.Method, path, (int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
        if (!result.IsMatch)
        {
            Assert.Fail("The response does not match Adobe's AEP OpenAPI spec.\n" + result.Describe());
        }
    }

    /// <summary>Checks a response body against the spec operation for the method, request path and status.</summary>
    /// <param name="method">The HTTP method, e.g. <c>GET</c>.</param>
    /// <param name="requestPath">The path the client sent, base path included: <c>/data/foundation/sandbox-management/sandboxes/acme-dev</c>.</param>
    /// <param name="status">The response status code.</param>
    /// <param name="body">The response body.</param>
    /// <param name="contentType">The response media type, to pick among the documented ones; JSON when omitted.</param>
    public static ContractResult Validate(string method, string requestPath, int status, string body, string? contentType = null)
    {
        var path = requestPath.Split('?', '#')[0];
        var result = new ContractResult { Method = method.ToUpperInvariant(), RequestPath = path, Status = status };
        if (AepSpecCatalog.FindOperation(method, path) is not { } operation)
        {
            return result with { Problem = NoOperation(method, path) };
        }

        result = result with { SpecFile = operation.Spec.File, PathTemplate = operation.Path.Template };
        if (operation.FindResponse(status) is not { } documentedResponse)
        {
            var documented = string.Join(", ", operation.Operation.Responses.Keys);
            return result with { Problem = $"Status {status.ToString(CultureInfo.InvariantCulture)} is not documented for this operation (documented: {documented})." };
        }

        var (statusKey, response) = documentedResponse;
        var (mediaType, schema) = operation.Spec.ResponseSchema(response, contentType);
        result = result with { StatusKey = statusKey, MediaType = mediaType, HasSchema = schema is not null };
        if (schema is null)
        {
            return result;
        }

        var (errors, waived) = BodyValidator.Validate(schema, body, DeviationsFor(operation, statusKey, isSpecExample: false));
        return result with { Errors = errors, AppliedDeviations = waived };
    }

    /// <summary>Validates an example embedded in a spec against its own response schema.</summary>
    internal static (IReadOnlyList<ContractError> Errors, IReadOnlyList<AppliedDeviation> Waived) ValidateExample(
        SpecExample example, bool applyDeviations = true) =>
        example.Schema is null
            ? ([], [])
            : BodyValidator.Validate(example.Schema, example.Body, applyDeviations ? DeviationsFor(example.Operation, example.StatusKey, isSpecExample: true) : _ => null);

    private static Func<ContractError, SpecDeviation?> DeviationsFor(SpecOperation operation, string statusKey, bool isSpecExample) =>
        error => KnownSpecDeviations.All.FirstOrDefault(d => d.Matches(operation, statusKey, error, isSpecExample));

    private static string NoOperation(string method, string path)
    {
        var others = AepSpecCatalog.OperationsOnPath(path).Select(o => o.ToString()).ToList();
        return others.Count == 0
            ? $"No operation in the AEP specs matches this path (specs are mounted at: {string.Join(", ", AepSpecCatalog.Specs.Select(s => $"{s.File} {s.BasePath}/").Distinct())})."
            : $"No {method.ToUpperInvariant()} operation matches this path; the specs have: {string.Join("; ", others)}.";
    }
}
