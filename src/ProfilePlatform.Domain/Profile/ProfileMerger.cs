using System.Text.Json;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Profile;

/// <summary>Builds the merged profile of a lookup from stored fragments under a merge policy, and selects the
/// lookup's experience events. Pure: the caller loads the candidates (fragments and events whose primary identity is in
/// <see cref="ProfileLookup.IdentitiesFor"/>); anything else passed in is filtered out again here.</summary>
/// <remarks>
/// <para>Fragments: those stored against one of the lookup's identities (<see cref="ProfileLookup.IdentitiesFor"/>), of
/// datasets the policy includes; ordered by <see cref="FragmentPrecedence"/>; applied from the lowest priority to the
/// highest with <see cref="RecordMerge.Apply"/>, so each attribute comes from the highest-priority fragment that has it
/// and the others fill the gaps — objects and maps attribute by attribute, arrays whole, <c>identityMap</c> united.</para>
/// <para><c>entity.identities</c>, the list the docs' responses carry, is synthesized: the identities of the merged
/// fragments in priority order, then (for <c>pdg</c>) the graph's other members sorted; namespace codes in lower case
/// as in the docs' examples; <c>"primary": true</c> on the primary identity of the winning fragment.</para>
/// </remarks>
public static class ProfileMerger
{
    /// <summary>The merged profile of <paramref name="lookup"/> under <paramref name="policy"/>.</summary>
    public static MergedProfile Merge(ProfileLookup lookup, IEnumerable<ProfileFragment> fragments, MergePolicy policy)
    {
        var identities = lookup.IdentitiesFor(policy);
        var ordered = FragmentPrecedence.Order(Latest(fragments, identities), policy);
        var graphIdentities = identities.Order(CompositeIdentity.Order).ToList();
        if (ordered.Count == 0)
        {
            return new MergedProfile(lookup.Requested, policy.Id, [], [], [.. graphIdentities.Select(i => i.Xid)], null, null);
        }

        var data = MergedRecord.Merge(LowestFirst(ordered));
        var graph = policy.Stitches ? graphIdentities : [];
        data.Set("identities", writer => WriteIdentities(writer, ordered, graph));
        return new MergedProfile(
            lookup.Requested,
            policy.Id,
            [.. ordered.Select(f => f.DatasetId).Distinct(StringComparer.Ordinal)],
            [.. ordered.Select(f => f.BatchId).Distinct(StringComparer.Ordinal)],
            [.. graphIdentities.Select(i => i.Xid)],
            data,
            ordered.Max(f => f.IngestedAt));
    }

    /// <summary>The lookup's experience events under <paramref name="policy"/>: those stored against one of its
    /// identities, from included datasets (under <c>dataSetPrecedence</c> only the listed ones, as the UI guide has
    /// ExperienceEvent datasets selected too [unverified for the API]), one per (dataset, <c>_id</c>) — the latest
    /// ingested — in time order (<c>timestamp</c>, then <c>_id</c>). Events are never merged with each other.</summary>
    public static IReadOnlyList<ExperienceEvent> Events(ProfileLookup lookup, IEnumerable<ExperienceEvent> events, MergePolicy policy)
    {
        var identities = lookup.IdentitiesFor(policy);
        return [.. events
            .Where(e => identities.Contains(e.PrimaryIdentity) && policy.Includes(e.DatasetId))
            .GroupBy(e => e.DedupeKey)
            .Select(g => g.MaxBy(e => e.IngestedAt)!)
            .OrderBy(e => e.Timestamp)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    /// <summary>The fragments stored against one of <paramref name="identities"/>, the latest ingested of each
    /// (dataset, primary identity) — the first of equally late ones — in input order.</summary>
    private static List<ProfileFragment> Latest(IEnumerable<ProfileFragment> fragments, IReadOnlySet<CompositeIdentity> identities)
    {
        var latest = new List<ProfileFragment>();
        foreach (var fragment in fragments)
        {
            if (!identities.Contains(fragment.PrimaryIdentity))
            {
                continue;
            }

            var at = latest.FindIndex(f => f.DatasetId == fragment.DatasetId && f.PrimaryIdentity.Equals(fragment.PrimaryIdentity));
            if (at < 0)
            {
                latest.Add(fragment);
            }
            else if (fragment.IngestedAt > latest[at].IngestedAt)
            {
                latest[at] = fragment;
            }
        }

        return latest;
    }

    private static IEnumerable<ReadOnlyMemory<byte>> LowestFirst(IReadOnlyList<ProfileFragment> ordered)
    {
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            yield return ordered[i].RecordUtf8;
        }
    }

    private static void WriteIdentities(Utf8JsonWriter writer, IReadOnlyList<ProfileFragment> ordered, IReadOnlyList<CompositeIdentity> graph)
    {
        var primary = ordered[0].PrimaryIdentity;
        var seen = new HashSet<CompositeIdentity>();
        writer.WriteStartArray();
        foreach (var identity in ordered.SelectMany(f => f.Identities).Concat(graph))
        {
            if (!seen.Add(identity))
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("id", identity.Value);
            writer.WriteStartObject("namespace");
            writer.WriteString("code", identity.Namespace.ToLowerInvariant());
            writer.WriteEndObject();
            if (identity.Equals(primary))
            {
                writer.WriteBoolean("primary", true);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
