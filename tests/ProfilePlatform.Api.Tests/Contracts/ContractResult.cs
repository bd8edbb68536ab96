using System.Text;

namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>What <see cref="OpenApiContract.Validate"/> found for one response: the operation, the status key, and the errors.</summary>
public sealed record ContractResult
{
    public required string Method { get; init; }

    public required string RequestPath { get; init; }

    public required int Status { get; init; }

    /// <summary>Why the response could not be checked (no operation, undocumented status); <c>null</c> when it was.</summary>
    public string? Problem { get; init; }

    /// <summary>The spec file the operation was found in, e.g. <c>sandbox.yaml</c>.</summary>
    public string? SpecFile { get; init; }

    /// <summary>The spec's path template, e.g. <c>/sandbox-management/sandboxes/{sandboxName}</c>.</summary>
    public string? PathTemplate { get; init; }

    /// <summary>The documented response used: the status code, its range (<c>4XX</c>) or <c>default</c>.</summary>
    public string? StatusKey { get; init; }

    /// <summary>The media type whose schema was used (OpenAPI 3 only).</summary>
    public string? MediaType { get; init; }

    /// <summary>Whether the documented response has a JSON schema; without one any body passes.</summary>
    public bool HasSchema { get; init; }

    /// <summary>The errors left after known deviations were waived.</summary>
    public IReadOnlyList<ContractError> Errors { get; init; } = [];

    /// <summary>The errors waived by <see cref="KnownSpecDeviations"/>, with the deviation that waived each.</summary>
    public IReadOnlyList<AppliedDeviation> AppliedDeviations { get; init; } = [];

    /// <summary>The response was checked and matches its spec.</summary>
    public bool IsMatch => Problem is null && Errors.Count == 0;

    /// <summary>A readable report: what was matched against what, and every error with its JSON path.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Method} {RequestPath} -> {Status}");
        if (SpecFile is not null)
        {
            text.Append($" | {SpecFile} {PathTemplate} [{StatusKey ?? "?"}]");
        }

        if (Problem is not null)
        {
            text.AppendLine().Append("  ").Append(Problem);
        }

        if (Errors.Count > 0)
        {
            text.AppendLine().Append($"  {Errors.Count} schema error(s):");
            foreach (var error in Errors)
            {
                text.AppendLine().Append("  - ").Append(error);
            }
        }

        foreach (var applied in AppliedDeviations)
        {
            text.AppendLine().Append("  (waived) ").Append(applied);
        }

        return text.ToString();
    }

    public override string ToString() => Describe();
}
