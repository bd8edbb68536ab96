namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of Identity Service: the namespace API's <c>namespacevalidation</c> problems and the identity
    /// API's <c>{"title","status","detail"}</c> errors.</summary>
    /// <remarks>Source: identity-service.yaml. Its namespace responses carry these codes in <c>error</c>/<c>report.code</c>:
    /// <c>INVALID_REQUEST_PARAMS</c> (400, e.g. "code and idType are non editable fields"), <c>INTEGRATION_CODE_EXISTS</c>
    /// (409, title <c>NAMESPACE_CODE_CONFLICT</c>), <c>NAMESPACE_NOT_FOUND</c> (404); <c>GET /identity/identity</c> answers
    /// 400 with title <c>InvalidInput</c>. A duplicate display name is refused (help/identity-service/features/namespaces.md)
    /// but its code is not documented: <c>INTEGRATION_NAME_EXISTS</c> is [unverified].</remarks>
    public static class Identity
    {
        /// <summary>A namespace request Identity Service cannot accept: missing or malformed field, unknown idType,
        /// a code with other characters than letters and digits, an attempt to change code or idType.</summary>
        public static readonly AepError NamespaceInvalid = new("INVALID_REQUEST_PARAMS", 400, "Namespace validation");

        /// <summary>The identity symbol is already used by a standard or custom namespace.</summary>
        public static readonly AepError NamespaceCodeExists = new("INTEGRATION_CODE_EXISTS", 409, "NAMESPACE_CODE_CONFLICT");

        /// <summary>The display name is already used by a standard or custom namespace [unverified code].</summary>
        public static readonly AepError NamespaceNameExists = new("INTEGRATION_NAME_EXISTS", 409, "NAMESPACE_NAME_CONFLICT");

        public static readonly AepError NamespaceNotFound = new("NAMESPACE_NOT_FOUND", 404, "Namespace validation");

        /// <summary>An identity lookup naming no namespace, an unknown one, or no usable id.</summary>
        public static readonly AepError InvalidInput = new("InvalidInput", 400, "InvalidInput");

        /// <summary>A <c>POST /identity/v2/graph</c> body Identity Service cannot use; the spec's example answers
        /// <c>{"reason":"Validation error Request id: ...","message":"Graph Request Invalid - projection types available are [graph|set]."}</c>.</summary>
        public static readonly AepError GraphRequestInvalid = new("GraphRequestInvalid", 400, "Validation error");
    }
}
