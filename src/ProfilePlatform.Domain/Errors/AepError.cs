namespace ProfilePlatform.Domain.Errors;

/// <summary>One entry of the platform's error catalogue: the wire code exactly as AEP spells it, the HTTP
/// status and the title.</summary>
/// <param name="Code">Wire code: <c>403010</c> (gateway), <c>XDM-1010-404</c>, <c>SMS-2074-400</c>, <c>invalid_client</c> (IMS).</param>
/// <param name="Status">HTTP status sent with it.</param>
/// <param name="Title">Short title AEP uses for it.</param>
/// <param name="Kind">The family, which fixes the body shape.</param>
public sealed record AepError(string Code, int Status, string Title, AepErrorKind Kind = AepErrorKind.Service)
{
    /// <summary>The problem <c>type</c> URI AEP puts in coded error bodies.</summary>
    public string TypeUri => Kind switch
    {
        AepErrorKind.Generic => "/placeholder/type/uri",
        _ when Code.StartsWith("FLOW-", StringComparison.Ordinal) => "https://ns.adobe.com/aep/errors/" + Code,
        _ => "http://ns.adobe.com/aep/errors/" + Code,
    };
}
