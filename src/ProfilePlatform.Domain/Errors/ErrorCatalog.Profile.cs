namespace ProfilePlatform.Domain.Errors;

public static partial class ErrorCatalog
{
    /// <summary>Errors of Real-Time Customer Profile, sent as profile.yaml's <c>ResponseErrorContext</c>
    /// (<c>{"message":"UPS-...: ...","cause","statusCode":"400"}</c>).</summary>
    /// <remarks>profile.yaml documents the merge policy statuses (400 on POST/PUT/PATCH, 404 on GET/DELETE) without
    /// bodies, and AEP's docs give no merge policy error codes; the documented Profile codes (<c>UPS-ACC-1000004</c>,
    /// <c>UPS-MRG-1000001</c>) belong to other causes. These codes follow the platform's PREFIX-NNNN-STATUS form under
    /// Profile's <c>UPS</c> prefix and are all [unverified].</remarks>
    public static class Profile
    {
        /// <summary>A merge policy body Profile cannot accept: wrong JSON type, missing schema/identityGraph/attributeMerge,
        /// unknown identityGraph.type or attributeMerge.type, a bad dataset order.</summary>
        public static readonly AepError InvalidMergePolicy = new("UPS-1000-400", 400, "Invalid merge policy");

        /// <summary><c>schema.name</c> names no record class of the sandbox (e.g. <c>_xdm.context.profile</c>).</summary>
        public static readonly AepError SchemaClassNotFound = new("UPS-1001-400", 400, "Unknown schema class");

        /// <summary>A <c>dataSetPrecedence</c> order names a dataset the sandbox does not have.</summary>
        public static readonly AepError DatasetNotFound = new("UPS-1002-400", 400, "Unknown dataset");

        /// <summary>The sandbox already has the most merge policies allowed (five, help/profile/merge-policies/overview.md).</summary>
        public static readonly AepError MergePolicyLimit = new("UPS-1003-400", 400, "Merge policy limit reached");

        /// <summary>Another merge policy is already active on edge; only one may be (help/profile/api/merge-policies.md).</summary>
        public static readonly AepError EdgePolicyTaken = new("UPS-1004-400", 400, "Another merge policy is active on edge");

        /// <summary>A policy active on edge cannot be deleted (help/profile/api/merge-policies.md "Delete a merge policy").</summary>
        public static readonly AepError ActiveOnEdgeNotDeletable = new("UPS-1005-400", 400, "Merge policy is active on edge");

        /// <summary>A list query parameter Profile cannot apply: limit out of range, unknown orderBy field, a flag that is no boolean.</summary>
        public static readonly AepError InvalidQuery = new("UPS-1006-400", 400, "Invalid query parameter");

        /// <summary>A PATCH operation Profile cannot apply: unknown op or path, or a value of the wrong type.</summary>
        public static readonly AepError InvalidPatch = new("UPS-1007-400", 400, "Invalid patch operation");

        public static readonly AepError MergePolicyNotFound = new("UPS-1008-404", 404, "Merge policy not found");

        /// <summary>Other writers kept changing the sandbox's merge policies while this change was retried.</summary>
        public static readonly AepError ConcurrentChange = new("UPS-1009-409", 409, "Concurrent change");

        /// <summary>An entities request (<c>/access/entities</c>) Profile cannot run: a missing or repeated query parameter,
        /// an unsupported <c>schema.name</c>, a malformed XID, <c>fields</c>, <c>limit</c>, time or <c>orderby</c>, or a
        /// malformed POST body [unverified code; profile.yaml documents the 400].</summary>
        public static readonly AepError InvalidEntityRequest = new("UPS-1010-400", 400, "Invalid entity request");

        /// <summary><c>entityIdNS</c> names no identity namespace of the sandbox [unverified code and status].</summary>
        public static readonly AepError UnknownIdentityNamespace = new("UPS-1011-400", 400, "Unknown identity namespace");

        /// <summary>No profile data is stored for the identity under the merge policy (profile.yaml documents a 404 "XDM
        /// objects not found" for GET and DELETE; the code is [unverified]).</summary>
        public static readonly AepError EntityNotFound = new("UPS-1012-404", 404, "Entity not found");

        /// <summary>"If a related graph links more than 50 identities, this service will return HTTP status 422 and the
        /// message 'Too many related identities'" (help/profile/api/entities.md; the code is [unverified]).</summary>
        public static readonly AepError TooManyRelatedIdentities = new("UPS-1013-422", 422, "Too many related identities");

        /// <summary>An XID Identity Service does not know: profile.yaml's <c>ResponseErrorContext</c> example
        /// <c>UPS-MRG-1000001:Identities cannot be retrieved for XID - "..." for graph type "auto"</c> with statusCode 422
        /// (code, wording and status documented; AEP's own form, not PREFIX-NNNN-STATUS).</summary>
        public static readonly AepError IdentitiesNotRetrievable = new("UPS-MRG-1000001", 422, "Identities cannot be retrieved");
    }
}
