namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Which XDM classes merge policies can be for: record classes, whose fragments are merged
/// (help/profile/merge-policies/overview.md: the XDM Individual Profile class or a custom record class).</summary>
public interface IMergePolicyClasses
{
    /// <summary>Whether <paramref name="schemaName"/> (a class's <c>meta:altId</c>, e.g. <c>_xdm.context.profile</c>)
    /// names a record class of the standard library or of the current sandbox.</summary>
    Task<bool> IsRecordClassAsync(string schemaName, CancellationToken ct);
}
