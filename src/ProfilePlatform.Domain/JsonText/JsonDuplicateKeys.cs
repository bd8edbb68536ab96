using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.JsonText;

/// <summary>Finds an object in a request body that names a property twice (<c>{"code":"a","code":"b"}</c>).</summary>
/// <remarks><see cref="JsonObject"/> parses lazily and throws on the first access to such an object, which would
/// surface as a 500; services call this first and answer their own 400 instead.</remarks>
public static class JsonDuplicateKeys
{
    /// <summary>The first property named twice in one object anywhere in <paramref name="node"/>, else null.</summary>
    public static string? Find(JsonNode? node, int depth = 0)
    {
        if (depth > 256)
        {
            return null; // the request reader refuses deeper documents
        }

        switch (node)
        {
            case JsonObject o:
                List<JsonNode?> children;
                try
                {
                    children = [.. o.Select(kv => kv.Value)];
                }
                catch (ArgumentException ex)
                {
                    return ex.Message.Split("Key: ", 2) is [_, var rest] ? rest.Split(" (Parameter", 2)[0] : "?";
                }

                return children.Select(c => Find(c, depth + 1)).FirstOrDefault(k => k is not null);
            case JsonArray a:
                return a.Select(c => Find(c, depth + 1)).FirstOrDefault(k => k is not null);
            default:
                return null;
        }
    }
}
