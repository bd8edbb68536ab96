using System.Text.Json;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Identity;

/// <summary>Finds the identities of a record of a Profile- or Identity-enabled dataset: the values of the schema's
/// identity descriptor fields and the entries of <c>identityMap</c>, checked against Identity Service's guardrails.</summary>
/// <remarks>
/// Sources: help/xdm/schema/composition.md (the two ways identities reach Platform), help/identity-service/guardrails.md
/// (value rules and their outcomes), help/identity-service/features/identity-linking-logic.md (primary and secondary
/// identities are linked alike).
/// Primary identity, first rule that applies:
/// <list type="number">
/// <item>the value of the schema's primary identity descriptor field (<see cref="XdmIdentityField.IsPrimary"/>);</item>
/// <item>an <c>identityMap</c> entry with <c>"primary": true</c>; when several are, the first namespace in
/// lexicographic order, then the first id (the rule AEP documents for identityMap primaries in
/// Customer Journey Analytics' stitching guide);</item>
/// <item>an ECID: "If no identifier is marked as primary, the ECID will be used as the primary identifier"
/// (help/tags/extensions/client/web-sdk/data-element-types.md); the lexicographically first one;</item>
/// <item>otherwise none: the record still links identities but cannot become a Profile fragment.</item>
/// </list>
/// Outcomes: an ECID that is not 38 digits, a value over 1024 characters, and more than 20 identities skip the record
/// (the first two as documented; the third [unverified]: AEP states the limit but not what happens, and skipping is
/// the outcome it documents for every other violation of a record-level rule). A blank, "null", "anonymous" or
/// "invalid" value is blocked: that identity is dropped. An identity with no namespace or an unknown namespace is
/// dropped with an error naming it [unverified outcome].
/// </remarks>
public sealed class IdentityExtractor(IIdentityNamespaceCatalog namespaces)
{
    private const string IdentityMapField = "identityMap";

    /// <summary>The identities of <paramref name="record"/>, given the identity descriptor fields of its schema.</summary>
    public async Task<IdentityExtraction> ExtractAsync(
        JsonElement record,
        IReadOnlyList<XdmIdentityField> identityFields,
        CancellationToken ct) =>
        await ResolveAsync(IdentityScan.Of(record, identityFields), ct);

    /// <summary>The identities of a record read by <see cref="IdentityScan.Of"/>: namespaces looked up, guardrails
    /// applied, duplicates merged and the primary chosen. Completes synchronously when every namespace the record names
    /// is already memoized (<see cref="MemoizedNamespaceCatalog"/>).</summary>
    public ValueTask<IdentityExtraction> ResolveAsync(IdentityScan scan, CancellationToken ct)
    {
        if (namespaces is MemoizedNamespaceCatalog memo)
        {
            var cached = true;
            foreach (var item in scan.Items)
            {
                if (item.Error is null && !memo.TryGetCached(item.Namespace, item.NamespaceIsId, out _))
                {
                    cached = false;
                    break;
                }
            }

            if (cached)
            {
                return new(Resolve(scan, reference => memo.TryGetCached(reference.Value, reference.IsId, out var ns) ? ns : null));
            }
        }

        return LookUpAndResolveAsync(scan, ct);
    }

    /// <summary>Looks each distinct namespace reference of the record up once, then resolves.</summary>
    private async ValueTask<IdentityExtraction> LookUpAndResolveAsync(IdentityScan scan, CancellationToken ct)
    {
        var resolved = new Dictionary<NamespaceRef, IdentityNamespace?>();
        foreach (var item in scan.Items)
        {
            var reference = new NamespaceRef(item.Namespace, item.NamespaceIsId);
            if (item.Error is null && !resolved.ContainsKey(reference))
            {
                resolved[reference] = reference.IsId
                    ? int.TryParse(reference.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                        ? await namespaces.FindByIdAsync(id, ct)
                        : null
                    : await namespaces.FindByCodeAsync(reference.Value, ct);
            }
        }

        return Resolve(scan, reference => resolved[reference]);
    }

    private static IdentityExtraction Resolve(IdentityScan scan, Func<NamespaceRef, IdentityNamespace?> resolve)
    {
        var errors = new List<IdentityRecordError>();
        var found = new List<Candidate>(scan.Items.Count);
        foreach (var item in scan.Items)
        {
            if (item.Error is { } error)
            {
                errors.Add(error);
                continue;
            }

            var source = item.Source;
            var ns = resolve(new NamespaceRef(item.Namespace, item.NamespaceIsId));
            if (ns is null)
            {
                errors.Add(Dropped(
                    IdentityRecordProblem.NamespaceUnknown,
                    source,
                    $"The identity at {source} names namespace '{item.Namespace}', which this organization does not have: create it in Identity Service or use an existing namespace code."));
                continue;
            }

            var text = item.Value;
            switch (IdentityGuardrails.CheckValue(ns.Code, text))
            {
                case IdentityRecordProblem.EcidFormat:
                    errors.Add(new IdentityRecordError(IdentityRecordProblem.EcidFormat, IdentityErrorOutcome.RecordSkipped, source,
                        $"The ECID at {source} is not exactly {IdentityGuardrails.EcidLength} digits, so the record is skipped: send the 38-digit Experience Cloud ID."));
                    continue;
                case IdentityRecordProblem.ValueTooLong:
                    errors.Add(new IdentityRecordError(IdentityRecordProblem.ValueTooLong, IdentityErrorOutcome.RecordSkipped, source,
                        $"The {ns.Code} identity at {source} is {text.Length} characters long, over the {IdentityGuardrails.MaxValueLength} Identity Service allows, so the record is skipped."));
                    continue;
                case IdentityRecordProblem.ValueBlocked:
                    errors.Add(Dropped(IdentityRecordProblem.ValueBlocked, source,
                        $"The {ns.Code} identity at {source} is blank or one of \"null\", \"anonymous\", \"invalid\", which Identity Service blocks: omit the identity instead."));
                    continue;
            }

            var identity = item.Xid is { } xid && string.Equals(item.Namespace, ns.Code, StringComparison.Ordinal)
                ? new CompositeIdentity(ns.Code, text, xid)
                : new CompositeIdentity(ns.Code, text);
            found.Add(new Candidate(identity, ns, item.DescriptorPrimary, item.MapPrimary, item.AuthenticatedState, source));
        }

        var identities = Deduplicate(found);
        if (identities.Count > IdentityGuardrails.MaxIdentitiesPerRecord)
        {
            errors.Add(new IdentityRecordError(
                IdentityRecordProblem.TooManyIdentities,
                IdentityErrorOutcome.RecordSkipped,
                IdentityMapField,
                $"The record holds {identities.Count} distinct identities; Identity Service accepts at most {IdentityGuardrails.MaxIdentitiesPerRecord} per record: split the identities over several records."));
        }

        foreach (var error in errors)
        {
            if (error.Outcome == IdentityErrorOutcome.RecordSkipped)
            {
                return new IdentityExtraction([], null, errors);
            }
        }

        var primary = ChoosePrimary(identities);
        var result = new List<ExtractedIdentity>(identities.Count);
        ExtractedIdentity? chosen = null;
        foreach (var c in identities)
        {
            var extracted = new ExtractedIdentity(c.Identity, c.Namespace, ReferenceEquals(c, primary), c.AuthenticatedState, c.Source);
            chosen ??= extracted.IsPrimary ? extracted : null;
            result.Add(extracted);
        }

        return new IdentityExtraction(result, chosen, errors);
    }

    private static List<Candidate> Deduplicate(List<Candidate> found)
    {
        var ordered = new List<Candidate>(found.Count);
        foreach (var candidate in found)
        {
            // A record holds a handful of identities: a linear search beats hashing them.
            var seen = ordered.Find(c => c.Identity.Equals(candidate.Identity));
            if (seen is not null)
            {
                seen.DescriptorPrimary |= candidate.DescriptorPrimary;
                seen.MapPrimary |= candidate.MapPrimary;
                seen.AuthenticatedState ??= candidate.AuthenticatedState;
                continue;
            }

            ordered.Add(candidate);
        }

        return ordered;
    }

    private static Candidate? ChoosePrimary(List<Candidate> identities)
    {
        Candidate? map = null;
        Candidate? ecid = null;
        foreach (var c in identities)
        {
            if (c.DescriptorPrimary)
            {
                return c;
            }

            // The first of the smallest, as a stable sort's first element would be.
            if (c.MapPrimary && (map is null || CompositeIdentity.Order.Compare(c.Identity, map.Identity) < 0))
            {
                map = c;
            }

            if (IdentityGuardrails.IsEcid(c.Identity.Namespace) && (ecid is null || CompositeIdentity.Order.Compare(c.Identity, ecid.Identity) < 0))
            {
                ecid = c;
            }
        }

        return map ?? ecid;
    }

    private static IdentityRecordError Dropped(IdentityRecordProblem problem, string source, string message) =>
        new(problem, IdentityErrorOutcome.IdentityDropped, source, message);

    private readonly record struct NamespaceRef(string Value, bool IsId);

    private sealed class Candidate(
        CompositeIdentity identity,
        IdentityNamespace ns,
        bool descriptorPrimary,
        bool mapPrimary,
        string? authenticatedState,
        string source)
    {
        public CompositeIdentity Identity { get; } = identity;

        public IdentityNamespace Namespace { get; } = ns;

        public bool DescriptorPrimary { get; set; } = descriptorPrimary;

        public bool MapPrimary { get; set; } = mapPrimary;

        public string? AuthenticatedState { get; set; } = authenticatedState;

        public string Source { get; } = source;
    }
}
