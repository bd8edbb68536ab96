namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The values of a merge policy's <c>identityGraph.type</c> (profile.yaml enum).</summary>
public static class IdentityGraphTypes
{
    /// <summary>"Perform no identity stitching": only fragments stored against the looked-up identity.</summary>
    public const string None = "none";

    /// <summary>"Perform identity stitching based on your private identity graph".</summary>
    public const string Pdg = "pdg";

    public static IReadOnlyList<string> All { get; } = [None, Pdg];
}
