namespace ProfilePlatform.Api.Tests.Contracts;

/// <summary>Which bodies a <see cref="SpecDeviation"/> waives errors in.</summary>
public enum DeviationScope
{
    /// <summary>ProfilePlatform's responses and the spec's own examples: the spec is wrong, AEP answers otherwise.</summary>
    Everywhere,

    /// <summary>Only the spec's own examples: the schema is right (AEP's docs agree with it), the example is wrong.</summary>
    SpecExamplesOnly,
}
