namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The values of a merge policy's <c>attributeMerge.type</c> (profile.yaml enum).</summary>
public static class AttributeMergeTypes
{
    /// <summary>"Give priority to the profile which was updated last in case of conflict" (the default).</summary>
    public const string TimestampOrdered = "timestampOrdered";

    /// <summary>"Give priority to profile fragments based on the dataset from which they came"; needs <c>order</c>.</summary>
    public const string DataSetPrecedence = "dataSetPrecedence";

    public static IReadOnlyList<string> All { get; } = [TimestampOrdered, DataSetPrecedence];
}
