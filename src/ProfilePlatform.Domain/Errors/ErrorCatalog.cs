namespace ProfilePlatform.Domain.Errors;

/// <summary>The platform's error catalogue: every error a client can receive, by AEP service.</summary>
/// <remarks>Each service has its own partial file with the source of its codes beside each entry.</remarks>
public static partial class ErrorCatalog
{
    /// <summary>Errors any service can send, in AEP's generic problem shape.</summary>
    /// <remarks>Source: help/landing/troubleshooting.md ("Valid content-type not specified" body with
    /// <c>/placeholder/type/uri</c> and title <c>BadRequestError</c>); the older copy of
    /// help/xdm/troubleshooting-guide.md uses the same shape for NotFoundError / NotAcceptableError.</remarks>
    public static class Common
    {
        public static readonly AepError BadRequest = new("400", 400, "BadRequestError", AepErrorKind.Generic);
        public static readonly AepError ContentTypeMissing = new("400", 400, "BadRequestError", AepErrorKind.Generic);
        public static readonly AepError UnsupportedMediaType = new("415", 415, "UnsupportedMediaTypeError", AepErrorKind.Generic);
        public static readonly AepError PayloadTooLarge = new("413", 413, "PayloadTooLargeError", AepErrorKind.Generic);
        public static readonly AepError NotFound = new("404", 404, "NotFoundError", AepErrorKind.Generic);
        public static readonly AepError MethodNotAllowed = new("405", 405, "MethodNotAllowedError", AepErrorKind.Generic);
        public static readonly AepError Internal = new("500", 500, "InternalServerError", AepErrorKind.Generic);
    }
}
