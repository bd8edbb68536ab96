using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Applies a PATCH body to a merge policy. AEP documents the body as one operation object
/// (<c>{"op":"add","path":"/default","value":"true"}</c>) while profile.yaml declares an array: both are accepted.</summary>
/// <remarks>Operations <c>add</c> and <c>replace</c> (profile.yaml's enum lists <c>add</c>); the paths AEP lists —
/// <c>/name</c>, <c>/identityGraph.type</c>, <c>/attributeMerge.type</c>, <c>/schema.name</c>, <c>/version</c>,
/// <c>/default</c>, <c>/isActiveOnEdge</c> (and profile.yaml's misspelt <c>/idActiveOnEdge</c>) — in dotted or
/// slashed form, plus <c>/attributeMerge.order</c> and the whole <c>/attributeMerge</c> object, without which a
/// policy could never be switched to <c>dataSetPrecedence</c> by PATCH, and the whole <c>/identityGraph</c> and
/// <c>/schema</c> objects [unverified extensions]. <c>/version</c> is
/// accepted and ignored: the version is maintained by Platform. The result is validated like a PUT body.</remarks>
public static class MergePolicyPatch
{
    private static readonly Dictionary<string, string[]> Paths = new(StringComparer.Ordinal)
    {
        ["/name"] = ["name"],
        ["/identityGraph.type"] = ["identityGraph", "type"],
        ["/attributeMerge.type"] = ["attributeMerge", "type"],
        ["/attributeMerge.order"] = ["attributeMerge", "order"],
        ["/attributeMerge"] = ["attributeMerge"],
        ["/identityGraph"] = ["identityGraph"],
        ["/schema"] = ["schema"],
        ["/schema.name"] = ["schema", "name"],
        ["/default"] = ["default"],
        ["/isActiveOnEdge"] = ["isActiveOnEdge"],
        ["/idActiveOnEdge"] = ["isActiveOnEdge"],
        ["/version"] = [],
    };

    /// <summary>The settings <paramref name="policy"/> has after <paramref name="body"/>'s operations, validated.</summary>
    /// <exception cref="MergePolicyRuleException"><see cref="MergePolicyRule.InvalidPatch"/> for a malformed operation or
    /// an unknown path, <see cref="MergePolicyRule.Invalid"/> for an invalid result.</exception>
    public static MergePolicyDraft Apply(MergePolicy policy, JsonNode? body)
    {
        IReadOnlyList<JsonNode?> operations = body switch
        {
            JsonArray array when array.Count > 0 => [.. array],
            JsonObject single => [single],
            _ => throw Invalid("the body must be an operation {\"op\": \"add\", \"path\": \"/default\", \"value\": \"true\"} or a non-empty array of them"),
        };
        var json = policy.ToDraft().ToJson();
        foreach (var operation in operations)
        {
            ApplyOne(json, operation as JsonObject ?? throw Invalid("each operation must be an object with op, path and value"));
        }

        return MergePolicyDraft.Parse(json);
    }

    private static void ApplyOne(JsonObject json, JsonObject operation)
    {
        var op = Text(operation["op"]);
        if (op is null || !(op.Equals("add", StringComparison.OrdinalIgnoreCase) || op.Equals("replace", StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid($"op must be \"add\" or \"replace\"{(op is null ? string.Empty : $", not '{op}'")}");
        }

        var rawPath = Text(operation["path"]) ?? throw Invalid("path is required, e.g. \"/identityGraph.type\"");
        var path = Normalize(rawPath);
        if (!Paths.TryGetValue(path, out var segments))
        {
            throw Invalid($"path '{rawPath}' cannot be patched; the paths are {string.Join(", ", Paths.Keys.Where(k => k != "/idActiveOnEdge"))}");
        }

        if (!operation.ContainsKey("value"))
        {
            throw Invalid($"value is required for {rawPath}");
        }

        if (segments.Length == 0)
        {
            return;
        }

        JsonObject parent = json;
        foreach (var segment in segments[..^1])
        {
            if (parent[segment] is not JsonObject child)
            {
                child = [];
                parent[segment] = child;
            }

            parent = child;
        }

        parent[segments[^1]] = operation["value"]?.DeepClone();
    }

    /// <summary><c>/identityGraph/type</c> → <c>/identityGraph.type</c>.</summary>
    private static string Normalize(string path) =>
        path.Length > 1 && path[0] == '/' ? "/" + path[1..].Replace('/', '.') : path;

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static MergePolicyRuleException Invalid(string problem) => new(MergePolicyRule.InvalidPatch, $"The PATCH body is invalid: {problem}.");
}
