namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the Catalog Service, in AEP's generic problem shape.</summary>
    /// <remarks>Source: the one Catalog error AEP documents, "To enable profile datasets the schema should be valid"
    /// (older help/xdm/troubleshooting-guide.md, still in its translations), comes as
    /// <c>{"type":"/placeholder/type/uri","status":400,"title":"BadRequestError","detail":...}</c>; catalog.yaml declares its
    /// 400/404/412 responses without a body. Every Catalog error therefore uses that shape; the entries differ by cause
    /// only, the wire code is the status. The 412 for a failed <c>If-Match</c> is from help/catalog/api/appendix.md.</remarks>
    public static class Catalog
    {
        /// <summary>A request body Catalog cannot accept: wrong JSON type, unknown schema, bad tag value...</summary>
        public static readonly AepError InvalidObject = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        /// <summary>A query parameter Catalog cannot apply: limit out of range, bad orderBy, unparsable property expression.</summary>
        public static readonly AepError InvalidQuery = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        /// <summary>unifiedProfile/unifiedIdentity enabled on a dataset whose schema is not enabled for Profile.</summary>
        public static readonly AepError ProfileSchemaInvalid = new("400", 400, "BadRequestError", AepErrorKind.Generic);

        public static readonly AepError NotFound = new("404", 404, "NotFoundError", AepErrorKind.Generic);

        /// <summary><c>If-Match</c> names another version, or a concurrent writer changed the object first.</summary>
        public static readonly AepError PreconditionFailed = new("412", 412, "PreconditionFailedError", AepErrorKind.Generic);
    }
}
