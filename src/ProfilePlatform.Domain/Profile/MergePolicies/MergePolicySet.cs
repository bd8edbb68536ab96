namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The rules that span all merge policies of a sandbox, as pure operations over the current set: the limit
/// of five, one default per class, one policy active on edge, and no deleting the edge policy.</summary>
/// <remarks>
/// Defaults: "If you create a new merge policy and set it as the default, the previous default merge policy will be
/// automatically updated by the system to no longer be the default" (help/profile/merge-policies/overview.md) — the
/// demoted policy is an update, so its version and update time move too. Un-setting the only default of a class (or
/// deleting it) is allowed: AEP documents no refusal, and a class without default is looked up with
/// <see cref="MergePolicy.NoStitching"/> [unverified]. Active on edge: AEP says only one policy may be, without saying it
/// is switched automatically, so a second one is refused [unverified error, documented rule]. The limit counts every
/// policy of the sandbox, the system default included [unverified].
/// </remarks>
public sealed class MergePolicySet(IEnumerable<MergePolicy> policies)
{
    /// <summary>"There is a maximum of five merge policies allowed per organization" (applied per sandbox, as every
    /// other Profile resource is).</summary>
    public const int MaxPolicies = 5;

    private readonly List<MergePolicy> _policies = [.. policies];

    public IReadOnlyList<MergePolicy> Policies => _policies;

    /// <summary>The default policy of <paramref name="schemaName"/>, or null.</summary>
    public MergePolicy? DefaultFor(string schemaName) =>
        _policies.FirstOrDefault(p => p.Default && string.Equals(p.SchemaName, schemaName, StringComparison.Ordinal));

    /// <summary>Adds a new policy.</summary>
    /// <returns>The policies to save together: the new one first, then any former default it replaces.</returns>
    /// <exception cref="MergePolicyRuleException">Limit reached, or another policy is active on edge.</exception>
    public IReadOnlyList<MergePolicy> Add(MergePolicy candidate, long nowEpoch)
    {
        if (_policies.Count >= MaxPolicies)
        {
            throw new MergePolicyRuleException(
                MergePolicyRule.LimitReached,
                $"This sandbox already has {_policies.Count} merge policies, the most Experience Platform allows: delete one before creating another.");
        }

        return Save(candidate, nowEpoch);
    }

    /// <summary>Replaces an existing policy with its updated form (PUT, PATCH).</summary>
    /// <returns>The policies to save together: the updated one first, then any former default it replaces.</returns>
    public IReadOnlyList<MergePolicy> Replace(MergePolicy updated, long nowEpoch)
    {
        if (_policies.All(p => p.Id != updated.Id))
        {
            throw new InvalidOperationException($"Merge policy {updated.Id} is not in the set.");
        }

        return Save(updated, nowEpoch);
    }

    /// <summary>Refuses deleting a policy that is active on edge ("Use either the PATCH or PUT endpoints to update the
    /// merge policy before deleting it").</summary>
    public static void EnsureDeletable(MergePolicy policy)
    {
        if (policy.IsActiveOnEdge)
        {
            throw new MergePolicyRuleException(
                MergePolicyRule.ActiveOnEdgeNotDeletable,
                $"Merge policy {policy.Id} is active on edge and cannot be deleted: set isActiveOnEdge to false first (PATCH /isActiveOnEdge or PUT).");
        }
    }

    private List<MergePolicy> Save(MergePolicy policy, long nowEpoch)
    {
        if (policy.IsActiveOnEdge && _policies.FirstOrDefault(p => p.IsActiveOnEdge && p.Id != policy.Id) is { } onEdge)
        {
            throw new MergePolicyRuleException(
                MergePolicyRule.ActiveOnEdgeTaken,
                $"Merge policy {onEdge.Id} is already active on edge and a sandbox can have only one: set its isActiveOnEdge to false first, or leave isActiveOnEdge false here.");
        }

        var saved = new List<MergePolicy> { policy };
        if (policy.Default)
        {
            saved.AddRange(_policies
                .Where(p => p.Id != policy.Id && p.Default && string.Equals(p.SchemaName, policy.SchemaName, StringComparison.Ordinal))
                .Select(p => p.Update(p.ToDraft() with { Default = false }, nowEpoch)));
        }

        foreach (var changed in saved)
        {
            var index = _policies.FindIndex(p => p.Id == changed.Id);
            if (index >= 0)
            {
                _policies[index] = changed;
            }
            else
            {
                _policies.Add(changed);
            }
        }

        return saved;
    }
}
