using System.Text.Json;

namespace ProfilePlatform.Domain.Identity;

/// <summary>Reads the values a descriptor path (<c>xdm:sourceProperty</c>, a JSON Pointer such as
/// <c>/personalEmail/address</c>) designates in a record.</summary>
/// <remarks>Arrays are stepped into as the registry's <see cref="SchemaRegistry.Descriptors.XdmFieldPath"/> does
/// (<c>/productListItems/SKU</c> is the SKU of every item), so one path can yield several values; a
/// <c>xdm:</c>-prefixed segment also matches the unprefixed field.</remarks>
public static class RecordPointer
{
    /// <summary>Parsed pointers: a schema has a handful of identity fields, read for every record.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Segments = new(StringComparer.Ordinal);

    /// <summary>Every value at <paramref name="pointer"/> in <paramref name="record"/>, in document order.</summary>
    public static IReadOnlyList<JsonElement> ValuesAt(JsonElement record, string pointer)
    {
        if (pointer.Length < 2 || pointer[0] != '/')
        {
            return [];
        }

        var names = Segments.Count < 4096 ? Segments.GetOrAdd(pointer, Parse) : Parse(pointer);

        // Objects only (the common case): one element walked down, nothing allocated until the end.
        var element = record;
        var depth = 0;
        for (; depth < names.Length; depth++)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                break;
            }

            if (!Child(element, names[depth], out element))
            {
                return [];
            }
        }

        if (depth == names.Length)
        {
            return element.ValueKind == JsonValueKind.Array ? [.. Flatten(element)] : [element];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        // An array on the way: step into every item, as the registry's field paths do.
        var current = new List<JsonElement> { element };
        for (; depth < names.Length; depth++)
        {
            var next = new List<JsonElement>();
            foreach (var item in current.SelectMany(Flatten))
            {
                if (item.ValueKind == JsonValueKind.Object && Child(item, names[depth], out var child))
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        return [.. current.SelectMany(Flatten)];
    }

    private static bool Child(JsonElement element, string name, out JsonElement child) =>
        element.TryGetProperty(name, out child)
        || (name.StartsWith("xdm:", StringComparison.Ordinal) && element.TryGetProperty(name[4..], out child));

    private static string[] Parse(string pointer) =>
        [.. pointer[1..].Split('/').Select(raw => raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static IEnumerable<JsonElement> Flatten(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().SelectMany(Flatten) : [element];
}
