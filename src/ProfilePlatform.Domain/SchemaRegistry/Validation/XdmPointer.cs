using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>JSON pointers (RFC 6901) to the tokens of a record. Built from the token's ancestry rather than from
/// NJsonSchema's dotted paths, which cannot tell <c>a.b</c> (nesting) from a map key containing a dot.</summary>
internal static class XdmPointer
{
    public static string Escape(string name) =>
        name.Contains('~', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)
            ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : name;

    /// <summary>The pointer of a token (a <see cref="JProperty"/> stands for its value). Array positions are looked up
    /// through <paramref name="positions"/>, built once per array, so many violations in one long array stay linear.</summary>
    public static string Of(JToken token, Dictionary<JArray, Dictionary<JToken, int>> positions)
    {
        var segments = new List<string>();
        var current = token;
        while (current.Parent is { } parent)
        {
            switch (current)
            {
                case JProperty property:
                    segments.Add(Escape(property.Name));
                    break;
                default:
                    if (parent is JArray array)
                    {
                        segments.Add(PositionIn(array, current, positions).ToString(CultureInfo.InvariantCulture));
                    }

                    break;
            }

            current = parent;
        }

        segments.Reverse();
        return segments.Count == 0 ? "" : "/" + string.Join('/', segments);
    }

    private static int PositionIn(JArray array, JToken item, Dictionary<JArray, Dictionary<JToken, int>> positions)
    {
        if (array.Count <= 16)
        {
            return array.IndexOf(item);
        }

        if (!positions.TryGetValue(array, out var index))
        {
            index = new Dictionary<JToken, int>(array.Count, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < array.Count; i++)
            {
                index[array[i]] = i;
            }

            positions[array] = index;
        }

        return index[item];
    }
}
