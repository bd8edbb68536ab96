namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>An error that a <see cref="SpecDeviation"/> waived, because the spec is known to be wrong there.</summary>
public sealed record AppliedDeviation(ContractError Error, SpecDeviation Deviation)
{
    public override string ToString() => $"{Error} (waived: {Deviation.Reason})";
}
