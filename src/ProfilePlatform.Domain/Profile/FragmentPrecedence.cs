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
        var byDataset = policy.AttributeMerge.IsDataSetPrecedence;
        var ranked = new List<(ProfileFragment Fragment, int Rank, int Index)>();
        foreach (var fragment in fragments)
        {
            if (policy.Includes(fragment.DatasetId))
            {
                ranked.Add((fragment, byDataset ? IndexOf(order, fragment.DatasetId) : 0, ranked.Count));
            }
        }

        // A sort with every rule in one comparison (the input position last, so equal fragments keep their order):
        // the entity lookup orders a handful of fragments per request, and chained OrderBy/ThenBy cost more than that.
        ranked.Sort(static (a, b) =>
        {
            var c = a.Rank.CompareTo(b.Rank);
            c = c != 0 ? c : b.Fragment.EffectiveTimestamp.CompareTo(a.Fragment.EffectiveTimestamp);
            c = c != 0 ? c : b.Fragment.IngestedAt.CompareTo(a.Fragment.IngestedAt);
            c = c != 0 ? c : string.CompareOrdinal(a.Fragment.DatasetId, b.Fragment.DatasetId);
            c = c != 0 ? c : string.CompareOrdinal(a.Fragment.PrimaryIdentity.Xid, b.Fragment.PrimaryIdentity.Xid);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        var result = new ProfileFragment[ranked.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ranked[i].Fragment;
        }

        return result;
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
