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
        CancellationToken ct)
    {
        var run = new Run();
        foreach (var field in identityFields)
        {
            var values = RecordPointer.ValuesAt(record, field.Path);
            for (var i = 0; i < values.Count; i++)
            {
                var source = values.Count == 1 ? field.Path : $"{field.Path}[{i}]";
                await AddAsync(run, new NamespaceRef(field.Namespace, field.NamespaceIsId), values[i], source, field.IsPrimary, false, null, ct);
            }
        }

        if (record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty(IdentityMapField, out var map)
            && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                await AddMapEntriesAsync(run, entry, ct);
            }
        }

        var errors = run.Errors;
        var identities = Deduplicate(run.Found);
        if (identities.Count > IdentityGuardrails.MaxIdentitiesPerRecord)
        {
            errors.Add(new IdentityRecordError(
                IdentityRecordProblem.TooManyIdentities,
                IdentityErrorOutcome.RecordSkipped,
                IdentityMapField,
                $"The record holds {identities.Count} distinct identities; Identity Service accepts at most {IdentityGuardrails.MaxIdentitiesPerRecord} per record: split the identities over several records."));
        }

        if (errors.Any(e => e.Outcome == IdentityErrorOutcome.RecordSkipped))
        {
            return new IdentityExtraction([], null, errors);
        }

        var primary = ChoosePrimary(identities);
        var result = identities
            .Select(c => new ExtractedIdentity(c.Identity, c.Namespace, ReferenceEquals(c, primary), c.AuthenticatedState, c.Source))
            .ToList();
        return new IdentityExtraction(result, result.FirstOrDefault(i => i.IsPrimary), errors);
    }

    private async Task AddMapEntriesAsync(Run run, JsonProperty entry, CancellationToken ct)
    {
        var errors = run.Errors;
        var key = entry.Name;
        var path = $"{IdentityMapField}/{key}";
        if (string.IsNullOrWhiteSpace(key))
        {
            errors.Add(Dropped(IdentityRecordProblem.NamespaceMissing, path, "An identityMap key is blank, so its identities have no namespace: key each identity by its namespace code (e.g. \"Email\")."));
            return;
        }

        if (entry.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Dropped(IdentityRecordProblem.ValueMissing, path, $"identityMap.{key} must be an array of {{\"id\": ...}} objects."));
            return;
        }

        var index = 0;
        foreach (var item in entry.Value.EnumerateArray())
        {
            var source = $"{path}/{index++}";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
            {
                errors.Add(Dropped(IdentityRecordProblem.ValueMissing, source, $"identityMap.{key}[{index - 1}] has no \"id\": give each entry its identity value."));
                continue;
            }

            var primary = item.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True;
            var state = item.TryGetProperty("authenticatedState", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            await AddAsync(run, new NamespaceRef(key, false), id, source, false, primary, state, ct);
        }
    }

    private async Task AddAsync(
        Run run,
        NamespaceRef reference,
        JsonElement value,
        string source,
        bool descriptorPrimary,
        bool mapPrimary,
        string? authenticatedState,
        CancellationToken ct)
    {
        var errors = run.Errors;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(Dropped(IdentityRecordProblem.ValueNotString, source, $"The identity at {source} is a {value.ValueKind.ToString().ToLowerInvariant()}; identity values must be strings."));
            return;
        }

        var ns = await ResolveAsync(run, reference, ct);
        if (ns is null)
        {
            errors.Add(Dropped(
                IdentityRecordProblem.NamespaceUnknown,
                source,
                $"The identity at {source} names namespace '{reference.Value}', which this organization does not have: create it in Identity Service or use an existing namespace code."));
            return;
        }

        var text = value.GetString()!;
        switch (IdentityGuardrails.CheckValue(ns.Code, text))
        {
            case IdentityRecordProblem.EcidFormat:
                errors.Add(new IdentityRecordError(IdentityRecordProblem.EcidFormat, IdentityErrorOutcome.RecordSkipped, source,
                    $"The ECID at {source} is not exactly {IdentityGuardrails.EcidLength} digits, so the record is skipped: send the 38-digit Experience Cloud ID."));
                return;
            case IdentityRecordProblem.ValueTooLong:
                errors.Add(new IdentityRecordError(IdentityRecordProblem.ValueTooLong, IdentityErrorOutcome.RecordSkipped, source,
                    $"The {ns.Code} identity at {source} is {text.Length} characters long, over the {IdentityGuardrails.MaxValueLength} Identity Service allows, so the record is skipped."));
                return;
            case IdentityRecordProblem.ValueBlocked:
                errors.Add(Dropped(IdentityRecordProblem.ValueBlocked, source,
                    $"The {ns.Code} identity at {source} is blank or one of \"null\", \"anonymous\", \"invalid\", which Identity Service blocks: omit the identity instead."));
                return;
        }

        run.Found.Add(new Candidate(new CompositeIdentity(ns.Code, text), ns, descriptorPrimary, mapPrimary, authenticatedState, source));
    }

    private async Task<IdentityNamespace?> ResolveAsync(Run run, NamespaceRef reference, CancellationToken ct)
    {
        if (run.Resolved.TryGetValue(reference, out var cached))
        {
            return cached;
        }

        var ns = reference.IsId
            ? int.TryParse(reference.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? await namespaces.FindByIdAsync(id, ct)
                : null
            : await namespaces.FindByCodeAsync(reference.Value, ct);
        run.Resolved[reference] = ns;
        return ns;
    }

    private static List<Candidate> Deduplicate(List<Candidate> found)
    {
        var byIdentity = new Dictionary<CompositeIdentity, Candidate>();
        var ordered = new List<Candidate>();
        foreach (var candidate in found)
        {
            if (byIdentity.TryGetValue(candidate.Identity, out var seen))
            {
                seen.DescriptorPrimary |= candidate.DescriptorPrimary;
                seen.MapPrimary |= candidate.MapPrimary;
                seen.AuthenticatedState ??= candidate.AuthenticatedState;
                continue;
            }

            byIdentity[candidate.Identity] = candidate;
            ordered.Add(candidate);
        }

        return ordered;
    }

    private static Candidate? ChoosePrimary(List<Candidate> identities) =>
        identities.FirstOrDefault(c => c.DescriptorPrimary)
        ?? identities.Where(c => c.MapPrimary).Order(CandidateOrder.Instance).FirstOrDefault()
        ?? identities.Where(c => IdentityGuardrails.IsEcid(c.Identity.Namespace)).Order(CandidateOrder.Instance).FirstOrDefault();

    private static IdentityRecordError Dropped(IdentityRecordProblem problem, string source, string message) =>
        new(problem, IdentityErrorOutcome.IdentityDropped, source, message);

    private readonly record struct NamespaceRef(string Value, bool IsId);

    /// <summary>The state of one extraction; namespaces are resolved once per record, never cached across records
    /// (an organization may create a namespace between two records).</summary>
    private sealed class Run
    {
        public List<Candidate> Found { get; } = [];

        public List<IdentityRecordError> Errors { get; } = [];

        public Dictionary<NamespaceRef, IdentityNamespace?> Resolved { get; } = [];
    }

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

    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare(Candidate? x, Candidate? y) => CompositeIdentity.Order.Compare(x!.Identity, y!.Identity);
    }
}
