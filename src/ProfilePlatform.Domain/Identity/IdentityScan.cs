using System.Text.Json;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Identity;

/// <summary>The identity candidates of one record as read from its JSON, before any namespace is looked up: the first,
/// pure half of <see cref="IdentityExtractor"/>. Pure and thread-safe, so batch ingestion runs it on every core while an
/// earlier segment is written; <see cref="IdentityExtractor.Resolve"/> then applies namespaces and guardrails.</summary>
/// <remarks>Items keep the order the extractor met them in (descriptor fields first, then <c>identityMap</c>), so the
/// errors of the resolved extraction come in the same order as when both halves ran in one go.</remarks>
public sealed class IdentityScan
{
    private const string IdentityMapField = "identityMap";

    private IdentityScan(List<IdentityScanItem> items) => Items = items;

    /// <summary>Candidates and the problems found while reading, in order.</summary>
    public IReadOnlyList<IdentityScanItem> Items { get; }

    /// <summary>Reads the identity candidates of <paramref name="record"/> for a schema with
    /// <paramref name="identityFields"/>.</summary>
    public static IdentityScan Of(JsonElement record, IReadOnlyList<XdmIdentityField> identityFields)
    {
        var items = new List<IdentityScanItem>(4);
        foreach (var field in identityFields)
        {
            var values = RecordPointer.ValuesAt(record, field.Path);
            for (var i = 0; i < values.Count; i++)
            {
                var source = values.Count == 1 ? field.Path : $"{field.Path}[{i}]";
                Add(items, field.Namespace, field.NamespaceIsId, values[i], source, field.IsPrimary, false, null);
            }
        }

        if (record.ValueKind == JsonValueKind.Object
            && record.TryGetProperty(IdentityMapField, out var map)
            && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                AddMapEntries(items, entry);
            }
        }

        return new IdentityScan(items);
    }

    private static void AddMapEntries(List<IdentityScanItem> items, JsonProperty entry)
    {
        var key = entry.Name;
        if (string.IsNullOrWhiteSpace(key))
        {
            items.Add(IdentityScanItem.Problem(Dropped(IdentityRecordProblem.NamespaceMissing, $"{IdentityMapField}/{key}", "An identityMap key is blank, so its identities have no namespace: key each identity by its namespace code (e.g. \"Email\").")));
            return;
        }

        if (entry.Value.ValueKind != JsonValueKind.Array)
        {
            items.Add(IdentityScanItem.Problem(Dropped(IdentityRecordProblem.ValueMissing, $"{IdentityMapField}/{key}", $"identityMap.{key} must be an array of {{\"id\": ...}} objects.")));
            return;
        }

        var index = 0;
        foreach (var item in entry.Value.EnumerateArray())
        {
            var source = Source(key, index++);
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
            {
                items.Add(IdentityScanItem.Problem(Dropped(IdentityRecordProblem.ValueMissing, source, $"identityMap.{key}[{index - 1}] has no \"id\": give each entry its identity value.")));
                continue;
            }

            var primary = item.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True;
            var state = item.TryGetProperty("authenticatedState", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            Add(items, key, false, id, source, false, primary, state);
        }
    }

    private static void Add(
        List<IdentityScanItem> items,
        string ns,
        bool nsIsId,
        JsonElement value,
        string source,
        bool descriptorPrimary,
        bool mapPrimary,
        string? authenticatedState)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            items.Add(IdentityScanItem.Problem(Dropped(IdentityRecordProblem.ValueNotString, source, $"The identity at {source} is a {value.ValueKind.ToString().ToLowerInvariant()}; identity values must be strings.")));
            return;
        }

        var text = value.GetString()!;
        items.Add(new IdentityScanItem(ns, nsIsId, text, source, descriptorPrimary, mapPrimary, authenticatedState, null)
        {
            // Hashed here, on the preparing core; the XID depends on the code's letters only, not their case.
            Xid = nsIsId || string.IsNullOrWhiteSpace(ns) ? null : CompositeIdentity.XidOf(ns, text),
        });
    }

    /// <summary><c>identityMap/{key}/{index}</c>, without formatting machinery for the common small indexes.</summary>
    private static string Source(string key, int index) =>
        index == 0 ? string.Concat(IdentityMapField + "/", key, "/0") : $"{IdentityMapField}/{key}/{index}";

    private static IdentityRecordError Dropped(IdentityRecordProblem problem, string source, string message) =>
        new(problem, IdentityErrorOutcome.IdentityDropped, source, message);
}

/// <summary>One item of an <see cref="IdentityScan"/>: an identity candidate (namespace reference and string value, where
/// it was found, whether it claims to be primary) or, when <see cref="Error"/> is set, a problem found while reading.</summary>
/// <param name="Namespace">The namespace code, or its numeric id when <paramref name="NamespaceIsId"/>.</param>
/// <param name="NamespaceIsId">Whether <paramref name="Namespace"/> is a numeric id (a descriptor with <c>xdm:property: xdm:id</c>).</param>
/// <param name="Value">The identity value.</param>
/// <param name="Source">Where in the record.</param>
/// <param name="DescriptorPrimary">Found at the schema's primary identity descriptor field.</param>
/// <param name="MapPrimary">An identityMap entry with <c>"primary": true</c>.</param>
/// <param name="AuthenticatedState">The identityMap entry's <c>authenticatedState</c>.</param>
/// <param name="Error">The problem, for an item that is not a candidate.</param>
public sealed record IdentityScanItem(
    string Namespace,
    bool NamespaceIsId,
    string Value,
    string Source,
    bool DescriptorPrimary,
    bool MapPrimary,
    string? AuthenticatedState,
    IdentityRecordError? Error)
{
    /// <summary>The candidate's XID computed from <see cref="Namespace"/> as written (null for a numeric namespace id):
    /// valid for the catalogue's namespace when its code is spelt the same.</summary>
    public string? Xid { get; init; }

    /// <summary>An item that carries a problem found while reading.</summary>
    public static IdentityScanItem Problem(IdentityRecordError error) => new("", false, "", error.Source, false, false, null, error);
}
