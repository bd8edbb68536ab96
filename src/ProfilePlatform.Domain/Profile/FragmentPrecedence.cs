using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Profile;

/// <summary>Orders fragments from the one that wins every conflict to the one that only fills gaps.</summary>
/// <remarks>
/// <c>timestampOrdered</c>: the most recent <see cref="ProfileFragment.EffectiveTimestamp"/> first (the record's own
/// <c>extSourceSystemAudit.lastUpdatedDate</c>, else its ingestion time). <c>dataSetPrecedence</c>: the position of the
/// fragment's dataset in <c>order</c> (fragments of unlisted datasets are not merged at all), then — for several
/// fragments of one dataset, which a <c>pdg</c> policy can bring together — the timestamp rule.
/// Ties, so that the same data always merges the same way: later ingestion time first, then dataset id, then the
/// primary identity's XID (ordinal).
/// </remarks>
public static class FragmentPrecedence
{
    /// <summary>The fragments <paramref name="policy"/> merges, highest priority first.</summary>
    public static IReadOnlyList<ProfileFragment> Order(IEnumerable<ProfileFragment> fragments, MergePolicy policy)
    {
        var order = policy.AttributeMerge.Order;
        return [.. fragments
            .Where(f => policy.Includes(f.DatasetId))
            .OrderBy(f => policy.AttributeMerge.IsDataSetPrecedence ? IndexOf(order, f.DatasetId) : 0)
            .ThenByDescending(f => f.EffectiveTimestamp)
            .ThenByDescending(f => f.IngestedAt)
            .ThenBy(f => f.DatasetId, StringComparer.Ordinal)
            .ThenBy(f => f.PrimaryIdentity.Xid, StringComparer.Ordinal)];
    }

    private static int IndexOf(IReadOnlyList<string> order, string datasetId)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (string.Equals(order[i], datasetId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
