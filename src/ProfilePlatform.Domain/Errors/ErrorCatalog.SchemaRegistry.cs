namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of the Schema Registry, in its XDM error format.</summary>
    /// <remarks>Source: help/xdm/troubleshooting-guide.md (codes, titles) and schema-registry.yaml
    /// (<c>notFoundError</c>, <c>acceptErrorList</c>, <c>acceptErrorLookup</c>, <c>acceptErrorDescriptorList</c>,
    /// <c>acceptErrorDescriptorLookup</c>). XDM-1000-400 for a request body the registry rejects is [unverified]: the
    /// guide lists no generic validation code. The descriptor entries XDM-1017-404 (the guide gives 1010..1017 for
    /// "Resource not found" by resource type without saying which is the descriptor's) and XDM-1530..1533-400 are
    /// [unverified] choices in the registry's numbering: no AEP source documents descriptor validation codes.</remarks>
    public static class SchemaRegistry
    {
        /// <summary>A body the registry rejects, including a breaking change to a schema enabled for Profile: AEP
        /// documents that rule (troubleshooting guide FAQ) but no code for it. [unverified]</summary>
        public static readonly AepError InvalidResource = new("XDM-1000-400", 400, "Bad Request");
        public static readonly AepError AcceptInvalidList = new("XDM-1006-400", 400, "Accept header invalid");
        public static readonly AepError AcceptInvalidLookup = new("XDM-1007-400", 400, "Accept header invalid");

        /// <summary>A descriptor list without an <c>xdm</c> Accept (e.g. an <c>xed</c> one, or none).</summary>
        public static readonly AepError AcceptInvalidDescriptorList = new("XDM-1008-400", 400, "Accept header invalid");

        /// <summary>A descriptor lookup with an <c>xed</c> Accept.</summary>
        public static readonly AepError AcceptInvalidDescriptorLookup = new("XDM-1009-400", 400, "Accept header invalid");

        public static readonly AepError NotFound = new("XDM-1012-404", 404, "Resource Not Found");
        public static readonly AepError TenantNamespace = new("XDM-1020-400", 400, "Namespace validation error");
        public static readonly AepError TitleNotUnique = new("XDM-1521-400", 400, "Title not unique");

        /// <summary><c>POST /rpc/import</c> refused (schema-registry.yaml <c>importError</c>).</summary>
        public static readonly AepError ImportFailed = new("XDM-3005-400", 400, "Import Resource Failed");

        /// <summary>Enabling a schema for Profile with a one-to-one relationship field that has no reference identity descriptor.</summary>
        public static readonly AepError UnionReferenceIdentityMissing = new("XDM-1526-400", 400, "Union descriptor validation error");

        /// <summary>Enabling a schema for Profile whose reference identity namespace differs from the destination's primary identity namespace.</summary>
        public static readonly AepError UnionReferenceNamespaceMismatch = new("XDM-1527-400", 400, "Union descriptor validation error");

        /// <summary>Enabling a schema for Profile without an identity map or primary identity descriptor.</summary>
        public static readonly AepError UnionIdentityRequired = new("XDM-1528-400", 400, "Union descriptor validation error");

        /// <summary>A field a union member defines with another type than a member already in the union.</summary>
        public static readonly AepError MergeSchemaError = new("XDM-1413-400", 400, "Merge Schema Error");

        /// <summary>No descriptor with this <c>@id</c> in the sandbox. [unverified] code.</summary>
        public static readonly AepError DescriptorNotFound = new("XDM-1017-404", 404, "Resource Not Found");

        /// <summary>A descriptor body that is malformed or breaks a rule of its <c>@type</c>. [unverified] code.</summary>
        public static readonly AepError DescriptorInvalid = new("XDM-1530-400", 400, "Descriptor validation error");

        /// <summary>A descriptor names a schema, field or identity namespace that does not exist. [unverified] code.</summary>
        public static readonly AepError DescriptorReferenceNotFound = new("XDM-1531-400", 400, "Descriptor validation error");

        /// <summary>A second primary identity descriptor for one schema. [unverified] code.</summary>
        public static readonly AepError PrimaryIdentityExists = new("XDM-1532-400", 400, "Descriptor validation error");

        /// <summary>The sandbox already holds the 4000 descriptors help/xdm/api/descriptors.md allows. [unverified] code.</summary>
        public static readonly AepError DescriptorLimitReached = new("XDM-1533-400", 400, "Descriptor limit reached");
    }
}
