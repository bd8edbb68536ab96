using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile;

/// <summary>The one attribute-level merge rule Profile uses twice: to apply a newer record to a fragment of the same
/// dataset and primary identity (upsert), and to merge fragments by precedence (each fragment applied over the
/// lower-priority result).</summary>
/// <remarks>
/// <para>Objects merge field by field, recursively; a field the newer (higher-priority) side does not carry keeps the
/// older value — "use the most recent record ... and let all other records fill in the gaps". A JSON map field (XDM
/// <c>map</c>) is an object here, so its keys merge the same way.</para>
/// <para>Arrays and scalars are replaced whole: AEP documents no element-wise array merge for record data (streaming
/// upserts even require the sender to choose <c>upsert_array_append</c> or <c>upsert_array_replace</c>,
/// help/data-prep/upserts.md), so the winner's array is kept as one value [unverified].</para>
/// <para><c>null</c> on the newer side is no value: Platform does not accept null fields ("If there is no value for a
/// particular field ... the key for that field should be excluded", help/xdm/schema/composition.md), so a null never
/// erases data.</para>
/// <para><c>identityMap</c> is the exception: identities are never removed by an update (help/data-prep/upserts.md:
/// upserts "do not support updating, replacing, and removing identities"), so each namespace's entries are the union
/// by <c>id</c>, the newer side's entries first; namespace keys match case-insensitively.</para>
/// </remarks>
public static class RecordMerge
{
    public const string IdentityMapField = "identityMap";

    /// <summary>A new object: <paramref name="older"/> with <paramref name="newer"/> applied on top. Neither input is changed.</summary>
    public static JsonObject Apply(JsonObject older, JsonObject newer)
    {
        var result = (JsonObject)older.DeepClone();
        Merge(result, newer, topLevel: true);
        return result;
    }

    /// <summary>Applies <paramref name="newer"/> onto <paramref name="older"/> itself and returns it: for an object the
    /// caller owns and no longer needs as it was (one just parsed from storage), saving <see cref="Apply"/>'s copy.</summary>
    public static JsonObject ApplyInPlace(JsonObject older, JsonObject newer)
    {
        Merge(older, newer, topLevel: true);
        return older;
    }

    /// <summary>The first (lowest-priority) object of a merge the caller owns, as <see cref="Apply"/> onto an empty
    /// object would leave it: its top-level <c>null</c> fields dropped, the rest kept in place.</summary>
    internal static JsonObject StartOwned(JsonObject lowest)
    {
        List<string>? nulls = null;
        foreach (var (name, value) in lowest)
        {
            if (value is null)
            {
                (nulls ??= []).Add(name);
            }
        }

        foreach (var name in nulls ?? [])
        {
            lowest.Remove(name);
        }

        return lowest;
    }

    /// <summary><see cref="Apply"/> into <paramref name="target"/> itself, consuming <paramref name="newer"/>: both
    /// belong to the caller (the merge of a lookup's fragments parses each record for it alone), so
    /// <paramref name="newer"/>'s values are moved into <paramref name="target"/> instead of copied, and
    /// <paramref name="newer"/> is left empty. The result is the one <see cref="Apply"/> gives.</summary>
    internal static void MergeOwned(JsonObject target, JsonObject newer) => MergeOwned(target, newer, topLevel: true);

    private static void MergeOwned(JsonObject target, JsonObject newer, bool topLevel)
    {
        var fields = Detach(newer);
        foreach (var (name, value) in fields)
        {
            if (value is null)
            {
                continue;
            }

            if (topLevel && name == IdentityMapField && value is JsonObject map && target[name] is JsonObject existingMap)
            {
                UnionIdentityMapsOwned(existingMap, map);
            }
            else if (value is JsonObject obj && target[name] is JsonObject existing)
            {
                MergeOwned(existing, obj, topLevel: false);
            }
            else
            {
                target[name] = value;
            }
        }
    }

    /// <summary><see cref="UnionIdentityMaps"/> into <paramref name="older"/> itself, moving the entries of both.</summary>
    private static void UnionIdentityMapsOwned(JsonObject older, JsonObject newer)
    {
        foreach (var (ns, entries) in Detach(newer))
        {
            if (entries is not JsonArray newEntries)
            {
                continue;
            }

            var key = KeyOf(older, ns);
            var merged = new JsonArray();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in Detach(newEntries).Concat(older[key] is JsonArray olderEntries ? Detach(olderEntries) : []))
            {
                if (entry is not null && (IdOf(entry) is not { } id || ids.Add(id)))
                {
                    merged.Add(entry);
                }
            }

            older[key] = merged;
        }
    }

    /// <summary>The object's fields, removed from it so that each value can be attached elsewhere.</summary>
    private static KeyValuePair<string, JsonNode?>[] Detach(JsonObject obj)
    {
        var fields = obj.ToArray();
        obj.Clear();
        return fields;
    }

    private static JsonNode?[] Detach(JsonArray array)
    {
        var items = array.ToArray();
        array.Clear();
        return items;
    }

    private static string KeyOf(JsonObject map, string ns)
    {
        foreach (var (key, _) in map)
        {
            if (string.Equals(key, ns, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return ns;
    }

    private static string? IdOf(JsonNode entry) =>
        (entry as JsonObject)?["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Merge(JsonObject target, JsonObject newer, bool topLevel)
    {
        foreach (var (name, value) in newer)
        {
            if (value is null)
            {
                continue;
            }

            if (topLevel && name == IdentityMapField && value is JsonObject map && target[name] is JsonObject existingMap)
            {
                target[name] = UnionIdentityMaps(existingMap, map);
            }
            else if (value is JsonObject obj && target[name] is JsonObject existing)
            {
                Merge(existing, obj, topLevel: false);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    private static JsonObject UnionIdentityMaps(JsonObject older, JsonObject newer)
    {
        var result = (JsonObject)older.DeepClone();
        foreach (var (ns, entries) in newer)
        {
            if (entries is not JsonArray newEntries)
            {
                continue;
            }

            var key = KeyOf(result, ns);
            var merged = new JsonArray();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in newEntries.Concat(result[key] as JsonArray ?? []))
            {
                if (entry is not null && (IdOf(entry) is not { } id || ids.Add(id)))
                {
                    merged.Add(entry.DeepClone());
                }
            }

            result[key] = merged;
        }

        return result;
    }
}
