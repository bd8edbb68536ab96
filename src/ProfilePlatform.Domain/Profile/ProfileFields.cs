using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile;

/// <summary>The entities API's <c>fields</c> parameter: "Filters the data returned in the response ... For multiple
/// fields, separate values by a comma", each a dot path such as <c>person.name</c>.</summary>
public static class ProfileFields
{
    /// <summary>A new object holding only the parts of <paramref name="entity"/> the paths name. A path through an
    /// array keeps that part of every element; paths to missing fields are ignored.</summary>
    public static JsonObject Project(JsonObject entity, IReadOnlyList<string> fields)
    {
        var result = new JsonObject();
        foreach (var field in fields.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (Pick(entity, field.Trim().Split('.')) is JsonObject picked)
            {
                result = RecordMerge.Apply(result, picked);
            }
        }

        return result;
    }

    private static JsonNode? Pick(JsonNode? node, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return node?.DeepClone();
        }

        switch (node)
        {
            case JsonObject obj when obj[path[0]] is { } child:
                var picked = Pick(child, path[1..]);
                return picked is null ? null : new JsonObject { [path[0]] = picked };
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    if (Pick(item, path) is { } p)
                    {
                        items.Add(p);
                    }
                }

                return items.Count == 0 ? null : items;
            default:
                return null;
        }
    }
}
