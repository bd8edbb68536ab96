using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Json;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A PATCH of a merge policy: one operation object, as help/profile/api/merge-policies.md sends it
/// (<c>{"op":"add","path":"/default","value":"true"}</c>), or an array of them, as profile.yaml declares.</summary>
/// <remarks>Paths are the docs' (<c>/name</c>, <c>/identityGraph.type</c>, <c>/attributeMerge.type</c>,
/// <c>/schema.name</c>, <c>/version</c>, <c>/default</c>, <c>/isActiveOnEdge</c>, and the spec's <c>/idActiveOnEdge</c>
/// typo), their JSON Pointer spellings (<c>/identityGraph/type</c>), <c>/attributeMerge/order</c> and the whole
/// <c>/identityGraph</c>, <c>/attributeMerge</c> and <c>/schema</c> objects. <c>op</c> is <c>add</c> (the spec's only
/// value) or <c>replace</c>. <c>/version</c> is accepted and ignored: the version is the platform's, incremented by
/// every update [unverified: the docs list the path without saying what it does].</remarks>
public sealed class MergePolicyPatch
{
    private readonly IReadOnlyList<(string Path, JsonNode? Value)> _operations;

    private MergePolicyPatch(IReadOnlyList<(string Path, JsonNode? Value)> operations) => _operations = operations;

    public int Count => _operations.Count;

    public static MergePolicyPatch Parse(JsonNode? body)
    {
        if (JsonDuplicateKeys.Find(body) is { } duplicate)
        {
            throw Invalid($"The JSON names property '{MergePolicyFields.Short(duplicate)}' twice in one object: send each property once.");
        }

        IReadOnlyList<JsonNode?> items = body switch
        {
            JsonObject o => [o],
            JsonArray { Count: > 0 } a => [.. a],
            JsonArray => throw Invalid("The patch is an empty array: send at least one operation such as {\"op\":\"add\",\"path\":\"/default\",\"value\":true}."),
            _ => throw Invalid("The request body must be a patch operation {\"op\":\"add\",\"path\":\"/name\",\"value\":\"...\"} or an array of them."),
        };

        var operations = new List<(string, JsonNode?)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = items.Count == 1 && body is JsonObject ? "" : $"[{i}]";
            if (items[i] is not JsonObject op)
            {
                throw Invalid($"Operation{at} must be an object with op, path and value, not {MergePolicyFields.Describe(items[i])}.");
            }

            var name = MergePolicyFields.TextOf(op["op"], $"op{at}", 32, Invalid) ?? throw Invalid($"Field 'op{at}' is required: 'add' or 'replace'.");
            if (name is not ("add" or "replace"))
            {
                throw Invalid($"Field 'op{at}' value '{MergePolicyFields.Short(name)}' is not supported: use 'add' or 'replace'.");
            }

            var path = MergePolicyFields.TextOf(op["path"], $"path{at}", 128, Invalid) ?? throw Invalid($"Field 'path{at}' is required, e.g. '/default'.");
            if (!op.ContainsKey("value"))
            {
                throw Invalid($"Field 'value{at}' is required: the new value of {MergePolicyFields.Short(path)}.");
            }

            operations.Add((Canonical(path), op["value"]));
        }

        return new MergePolicyPatch(operations);
    }

    /// <summary>The fields after every operation, in order, checked together.</summary>
    public MergePolicyFields ApplyTo(MergePolicyFields fields)
    {
        foreach (var (path, value) in _operations)
        {
            fields = path switch
            {
                "/name" => fields with { Name = MergePolicyFields.TextOf(value, "value of /name", MergePolicyWire.MaxNameLength, Invalid) },
                "/schema/name" => fields with { SchemaName = Required(value, path, MergePolicyWire.MaxIdLength) },
                "/schema" => fields with { SchemaName = Required(Member(value, path, "name"), path + "/name", MergePolicyWire.MaxIdLength) },
                "/identityGraph/type" => fields with { IdentityGraph = Required(value, path, MergePolicyWire.MaxIdLength) },
                "/identityGraph" => fields with { IdentityGraph = Required(Member(value, path, "type"), path + "/type", MergePolicyWire.MaxIdLength) },
                "/attributeMerge/type" => WithMergeType(fields, Required(value, path, MergePolicyWire.MaxIdLength)),
                "/attributeMerge/order" => fields with { Order = MergePolicyFields.OrderOf(value, "value of /attributeMerge/order") },
                "/attributeMerge" => fields with
                {
                    AttributeMerge = Required(Member(value, path, "type"), path + "/type", MergePolicyWire.MaxIdLength),
                    Order = MergePolicyFields.OrderOf(value!["order"], "value of /attributeMerge/order"),
                },
                "/default" => fields with { IsDefault = MergePolicyFields.Flag(value, "value of /default", Invalid) ?? throw Invalid("The value of /default must be true or false, not null.") },
                "/isActiveOnEdge" => fields with { IsActiveOnEdge = MergePolicyFields.Flag(value, "value of /isActiveOnEdge", Invalid) ?? throw Invalid("The value of /isActiveOnEdge must be true or false, not null.") },
                "/version" => fields,
                _ => throw Invalid($"Path '{MergePolicyFields.Short(path)}' cannot be patched: use /name, /identityGraph.type, /attributeMerge.type, /attributeMerge/order, /schema.name, /default or /isActiveOnEdge."),
            };
        }

        return fields.Validated();
    }

    /// <summary>Switching to timestampOrdered drops the dataset order, which only dataSetPrecedence uses.</summary>
    private static MergePolicyFields WithMergeType(MergePolicyFields fields, string type) =>
        type == MergePolicyWire.TimestampOrdered ? fields with { AttributeMerge = type, Order = [] } : fields with { AttributeMerge = type };

    private static string Canonical(string path) => path switch
    {
        "/identityGraph.type" => "/identityGraph/type",
        "/attributeMerge.type" => "/attributeMerge/type",
        "/attributeMerge.order" => "/attributeMerge/order",
        "/schema.name" => "/schema/name",
        "/idActiveOnEdge" => "/isActiveOnEdge",
        _ => path,
    };

    private static string Required(JsonNode? value, string path, int max) =>
        MergePolicyFields.TextOf(value, $"value of {path}", max, Invalid) ?? throw Invalid($"The value of {path} must be a string, not null.");

    private static JsonNode? Member(JsonNode? value, string path, string member) =>
        value is JsonObject o ? o[member] : throw Invalid($"The value of {path} must be an object with '{member}', not {MergePolicyFields.Describe(value)}.");

    private static AepException Invalid(string detail) => new(ErrorCatalog.Profile.InvalidPatch, detail);
}
