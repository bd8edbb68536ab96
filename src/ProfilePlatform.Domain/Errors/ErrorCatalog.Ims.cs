namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the IMS token endpoints.</summary>
    /// <remarks>Source: body shape <c>{"error","error_description"}</c> from adobe/ims-go <c>ims/error.go</c>;
    /// codes are the OAuth 2.0 ones (RFC 6749 §5.2), statuses per that RFC: 400, and 401 for bad client credentials.</remarks>
    public static class Ims
    {
        public static readonly AepError InvalidRequest = new("invalid_request", 400, "invalid_request", AepErrorKind.Ims);
        public static readonly AepError UnsupportedGrantType = new("unsupported_grant_type", 400, "unsupported_grant_type", AepErrorKind.Ims);
        public static readonly AepError InvalidClient = new("invalid_client", 401, "invalid_client", AepErrorKind.Ims);
        public static readonly AepError InvalidToken = new("invalid_token", 400, "invalid_token", AepErrorKind.Ims);
        public static readonly AepError InvalidScope = new("invalid_scope", 400, "invalid_scope", AepErrorKind.Ims);
    }
}
