namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the Schema Registry, in its XDM error format.</summary>
    /// <remarks>Source: help/xdm/troubleshooting-guide.md (codes, titles) and schema-registry.yaml
    /// (<c>notFoundError</c>, <c>acceptErrorList</c>, <c>acceptErrorLookup</c>). XDM-1000-400 for a request body the
    /// registry rejects is [unverified]: the guide lists no generic validation code.</remarks>
    public static class SchemaRegistry
    {
        /// <summary>A body the registry rejects, including a breaking change to a schema enabled for Profile: AEP
        /// documents that rule (troubleshooting guide FAQ) but no code for it. [unverified]</summary>
        public static readonly AepError InvalidResource = new("XDM-1000-400", 400, "Bad Request");
        public static readonly AepError AcceptInvalidList = new("XDM-1006-400", 400, "Accept header invalid");
        public static readonly AepError AcceptInvalidLookup = new("XDM-1007-400", 400, "Accept header invalid");
        public static readonly AepError NotFound = new("XDM-1012-404", 404, "Resource Not Found");
        public static readonly AepError TenantNamespace = new("XDM-1020-400", 400, "Namespace validation error");
        public static readonly AepError TitleNotUnique = new("XDM-1521-400", 400, "Title not unique");

        /// <summary><c>POST /rpc/import</c> refused (schema-registry.yaml <c>importError</c>).</summary>
        public static readonly AepError ImportFailed = new("XDM-3005-400", 400, "Import Resource Failed");

        /// <summary>Enabling a schema for Profile without an identity map or primary identity descriptor.</summary>
        public static readonly AepError UnionIdentityRequired = new("XDM-1528-400", 400, "Union descriptor validation error");

        /// <summary>A field a union member defines with another type than a member already in the union.</summary>
        public static readonly AepError MergeSchemaError = new("XDM-1413-400", 400, "Merge Schema Error");
    }
}
