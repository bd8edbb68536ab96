namespace ProfilePlatform.Domain.Errors;

/// <summary>Which AEP error family an error belongs to; decides the JSON shape it is sent in.</summary>
public enum AepErrorKind
{
    /// <summary>Platform gateway errors: always the flat <c>{"error_code","message"}</c> body.</summary>
    Gateway,

    /// <summary>IMS token endpoint errors: always <c>{"error","error_description"}</c>.</summary>
    Ims,

    /// <summary>Errors AEP sends from any service with the generic <c>/placeholder/type/uri</c> problem type.</summary>
    Generic,

    /// <summary>A service's own coded error (XDM-, FLOW-, SMS-...), written in that service's format.</summary>
    Service,
}
