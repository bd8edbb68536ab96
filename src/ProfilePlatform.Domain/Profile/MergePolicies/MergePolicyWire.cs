namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The values merge policies carry on the wire (help/profile/api/merge-policies.md, profile.yaml <c>MergePolicy</c>)
/// and the limits AEP documents for them.</summary>
public static class MergePolicyWire
{
    /// <summary>The XDM Individual Profile class, the class merge policies are usually for.</summary>
    public const string ProfileClass = "_xdm.context.profile";

    /// <summary><c>identityGraph.type</c>: no identity stitching.</summary>
    public const string IdentityGraphNone = "none";

    /// <summary><c>identityGraph.type</c>: stitch over the private identity graph.</summary>
    public const string IdentityGraphPdg = "pdg";

    /// <summary><c>attributeMerge.type</c>: the most recently updated fragment wins (the default).</summary>
    public const string TimestampOrdered = "timestampOrdered";

    /// <summary><c>attributeMerge.type</c>: fragments win by the rank of their dataset in <c>order</c>.</summary>
    public const string DataSetPrecedence = "dataSetPrecedence";

    /// <summary>Merge policies per sandbox: "a maximum of five merge policies allowed per organization"
    /// (help/profile/merge-policies/overview.md); sandboxes are isolated, so the limit applies per sandbox.</summary>
    public const int MaxPolicies = 5;

    /// <summary>Datasets in a <c>dataSetPrecedence</c> order: the UI's "up to 50 datasets" (help/profile/merge-policies/ui-guide.md).</summary>
    public const int MaxOrderedDatasets = 50;

    /// <summary>Longest name accepted [unverified: AEP documents no limit].</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest dataset id or class name accepted (Catalog ids are 24 hex digits) [unverified].</summary>
    public const int MaxIdLength = 256;

    /// <summary>The policy every sandbox starts with. "Default Timebased" is the name AEP's UI shows for a new sandbox's
    /// default (the Luma data-architect tutorial, "Create Merge Policies"); private graph stitching and not active on
    /// edge are [unverified] (the API doc's example default, "Profile Default Merge Policy", is <c>none</c>).</summary>
    public const string SystemDefaultName = "Default Timebased";

    public static IReadOnlyList<string> IdentityGraphTypes { get; } = [IdentityGraphNone, IdentityGraphPdg];

    public static IReadOnlyList<string> AttributeMergeTypes { get; } = [TimestampOrdered, DataSetPrecedence];
}
