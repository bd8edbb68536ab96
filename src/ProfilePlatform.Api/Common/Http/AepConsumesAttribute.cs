namespace ProfilePlatform.Api.Common.Http;

/// <summary>The request content types an endpoint takes; checked by <see cref="RequestBodyMiddleware"/> so a
/// wrong or missing Content-Type gets AEP's error instead of MVC's.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AepConsumesAttribute(params string[] contentTypes) : Attribute
{
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;
}
