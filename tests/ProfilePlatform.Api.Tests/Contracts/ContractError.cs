using NJsonSchema.Validation;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>One way a response body breaks its spec schema.</summary>
/// <param name="Path">Where, as a JSON path from the body root: <c>$</c>, <c>$.sandboxes[0].etag</c>.</param>
/// <param name="Kind">What, as NJsonSchema names it (<c>StringExpected</c>, <c>PropertyRequired</c>...).</param>
/// <param name="Message">A readable explanation, with the offending value.</param>
public sealed record ContractError(string Path, ValidationErrorKind Kind, string Message)
{
    public override string ToString() => $"{Path}: {Kind} - {Message}";
}
