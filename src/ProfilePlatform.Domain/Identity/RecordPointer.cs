using System.Text.Json;

namespace ProfilePlatform.Domain.Identity;

/// <summary>Reads the values a descriptor path (<c>xdm:sourceProperty</c>, a JSON Pointer such as
/// <c>/personalEmail/address</c>) designates in a record.</summary>
/// <remarks>Arrays are stepped into as the registry's <see cref="SchemaRegistry.Descriptors.XdmFieldPath"/> does
/// (<c>/productListItems/SKU</c> is the SKU of every item), so one path can yield several values; a
/// <c>xdm:</c>-prefixed segment also matches the unprefixed field.</remarks>
public static class RecordPointer
{
    /// <summary>Every value at <paramref name="pointer"/> in <paramref name="record"/>, in document order.</summary>
    public static IReadOnlyList<JsonElement> ValuesAt(JsonElement record, string pointer)
    {
        if (pointer.Length < 2 || pointer[0] != '/')
        {
            return [];
        }

        var current = new List<JsonElement> { record };
        foreach (var raw in pointer[1..].Split('/'))
        {
            var name = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            var next = new List<JsonElement>();
            foreach (var element in current.SelectMany(Flatten))
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                if (element.TryGetProperty(name, out var child)
                    || (name.StartsWith("xdm:", StringComparison.Ordinal) && element.TryGetProperty(name[4..], out child)))
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        return [.. current.SelectMany(Flatten)];
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().SelectMany(Flatten) : [element];
}
