namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the AEP platform gateway, sent before any service runs.</summary>
    /// <remarks>Source: help/landing/troubleshooting.md §"Request header errors" (codes and messages verbatim).
    /// The doc's status table pairs the missing-token body with 401 although its code starts with 403;
    /// the status is configurable (<c>Gateway:MissingTokenStatus</c>).</remarks>
    public static class Gateway
    {
        public static readonly AepError TokenMissing = new("403010", 401, "Oauth token is missing.", AepErrorKind.Gateway);
        public static readonly AepError TokenInvalid = new("401013", 401, "Oauth token is not valid", AepErrorKind.Gateway);
        public static readonly AepError ApiKeyMissing = new("403000", 403, "Api Key is required", AepErrorKind.Gateway);
        public static readonly AepError ApiKeyInvalid = new("403003", 403, "Api Key is invalid", AepErrorKind.Gateway);
        public static readonly AepError OrgHeaderMissing = new("400003", 400, "Missing header", AepErrorKind.Gateway);
        public static readonly AepError OrgNotEntitled = new("403025", 403, "Profile is not valid", AepErrorKind.Gateway);

        /// <summary>Unknown, deleted or not yet active sandbox in <c>x-sandbox-name</c>.</summary>
        /// <remarks>[unverified] The only AEP source for this case is Flow Service's error catalogue
        /// (help/sources/errors/flow-service-errors.md, <c>2101-404</c> "Sandbox not found"); the gateway
        /// body shape and code are this platform's choice, see docs/adr/0004-gateway-and-errors.md.</remarks>
        public static readonly AepError SandboxNotFound = new("404101", 404, "Sandbox not found", AepErrorKind.Gateway);
    }
}
