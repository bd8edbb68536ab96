using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile;

/// <summary>The one attribute-level merge rule Profile uses twice: to apply a newer record to a fragment of the same
/// dataset and primary identity (upsert), and to merge fragments by precedence (each fragment applied over the
/// lower-priority result; <see cref="MergedRecord"/> applies it there without a JSON object model).</summary>
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
