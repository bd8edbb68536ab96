namespace ProfilePlatform.Api.Common.Errors;

/// <summary>Marks a controller as part of an AEP service, which fixes the error format its failures are sent in.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class AepServiceAttribute(AepErrorFormat format) : Attribute
{
    public AepErrorFormat Format { get; } = format;
}
