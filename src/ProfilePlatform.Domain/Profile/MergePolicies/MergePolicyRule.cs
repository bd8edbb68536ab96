namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Which merge policy rule a request broke; the API maps each to its error response.</summary>
public enum MergePolicyRule
{
    /// <summary>The body is not a valid merge policy: a required field is missing, a type is not one of the enum
    /// values, <c>dataSetPrecedence</c> has no <c>order</c>, a patch path is not one AEP documents...</summary>
    Invalid,

    /// <summary>A PATCH body whose operations cannot be applied: not an operation or array of them, an <c>op</c> other
    /// than add/replace, a path that cannot be patched, no value. (A patch that applies but leaves an invalid policy is
    /// <see cref="Invalid"/>.)</summary>
    InvalidPatch,

    /// <summary>"There is a maximum of five merge policies allowed per organization" (help/profile/merge-policies/overview.md).</summary>
    LimitReached,

    /// <summary>Another policy is already active on edge: "each IMS Organization can only have one merge policy that is
    /// active on edge" (help/profile/api/merge-policies.md).</summary>
    ActiveOnEdgeTaken,

    /// <summary>"If the merge policy has isActiveOnEdge set to true, the merge policy cannot be deleted".</summary>
    ActiveOnEdgeNotDeletable,
}
