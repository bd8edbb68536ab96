using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Json;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>What a client decides about a merge policy (profile.yaml <c>PostMergePolicy</c>): everything but the
/// id, version, update time, organization and sandbox, which the platform keeps.</summary>
/// <param name="Name">The name shown in lists, if any (the spec does not require one).</param>
/// <param name="SchemaName">The XDM class (<c>schema.name</c>), e.g. <c>_xdm.context.profile</c>.</param>
/// <param name="IdentityGraph"><c>identityGraph.type</c>: <c>none</c> or <c>pdg</c>.</param>
/// <param name="AttributeMerge"><c>attributeMerge.type</c>: <c>timestampOrdered</c> or <c>dataSetPrecedence</c>.</param>
/// <param name="Order">The dataset ids in precedence order (only, and required, for <c>dataSetPrecedence</c>).</param>
/// <param name="IsDefault"><c>default</c>: the class's default policy.</param>
/// <param name="IsActiveOnEdge"><c>isActiveOnEdge</c>.</param>
public sealed record MergePolicyFields(
    string? Name,
    string SchemaName,
    string IdentityGraph,
    string AttributeMerge,
    IReadOnlyList<string> Order,
    bool IsDefault,
    bool IsActiveOnEdge)
{
    /// <summary>Reads a POST or PUT body: <c>schema</c>, <c>identityGraph</c> and <c>attributeMerge</c> are required,
    /// <c>name</c>, <c>default</c> (false) and <c>isActiveOnEdge</c> (false) optional; the read-only <c>id</c>,
    /// <c>imsOrgId</c>, <c>sandbox</c>, <c>version</c> and <c>updateEpoch</c> a client echoes back are ignored, except
    /// that an <c>id</c> must be the one in the path (<paramref name="pathId"/>).</summary>
    public static MergePolicyFields Parse(JsonNode? body, string? pathId = null)
    {
        var o = RequireObject(body, "The request body must be a JSON object with schema, identityGraph and attributeMerge, e.g. "
            + "{\"name\":\"Loyalty members\",\"schema\":{\"name\":\"_xdm.context.profile\"},\"identityGraph\":{\"type\":\"pdg\"},\"attributeMerge\":{\"type\":\"timestampOrdered\"}}.");
        if (pathId is not null && o["id"] is { } id && (id.GetValueKind() != JsonValueKind.String || PlainText.Read(id.AsValue()) != pathId))
        {
            throw Invalid($"Field 'id' must be the id in the path ('{pathId}') or be left out.");
        }

        var schema = RequireObject(o["schema"], "Field 'schema' is required: send {\"name\":\"_xdm.context.profile\"}, the XDM class the policy is for.", present: o.ContainsKey("schema"));
        var graph = RequireObject(o["identityGraph"], "Field 'identityGraph' is required: send {\"type\":\"none\"} or {\"type\":\"pdg\"}.", present: o.ContainsKey("identityGraph"));
        var merge = RequireObject(o["attributeMerge"], "Field 'attributeMerge' is required: send {\"type\":\"timestampOrdered\"} or {\"type\":\"dataSetPrecedence\",\"order\":[dataset ids]}.", present: o.ContainsKey("attributeMerge"));

        var fields = new MergePolicyFields(
            Name: Text(o, "name", "name", MergePolicyWire.MaxNameLength),
            SchemaName: Text(schema, "name", "schema.name", MergePolicyWire.MaxIdLength) ?? throw Invalid("Field 'schema.name' is required: the XDM class name, e.g. '_xdm.context.profile'."),
            IdentityGraph: Text(graph, "type", "identityGraph.type", MergePolicyWire.MaxIdLength) ?? throw Invalid("Field 'identityGraph.type' is required: 'none' or 'pdg'."),
            AttributeMerge: Text(merge, "type", "attributeMerge.type", MergePolicyWire.MaxIdLength) ?? throw Invalid("Field 'attributeMerge.type' is required: 'timestampOrdered' or 'dataSetPrecedence'."),
            Order: OrderOf(merge["order"], "attributeMerge.order"),
            IsDefault: Flag(o["default"], "default", Invalid) ?? false,
            IsActiveOnEdge: Flag(o["isActiveOnEdge"], "isActiveOnEdge", Invalid) ?? false);
        return fields.Validated();
    }

    /// <summary>Checks the fields together; the same rules hold after a PATCH.</summary>
    public MergePolicyFields Validated()
    {
        if (Name is not null && Name.Trim().Length == 0)
        {
            throw Invalid("Field 'name' is blank: give the merge policy a name or leave the field out.");
        }

        if (SchemaName.Trim().Length == 0)
        {
            throw Invalid("Field 'schema.name' is blank: send the XDM class name, e.g. '_xdm.context.profile'.");
        }

        if (!MergePolicyWire.IdentityGraphTypes.Contains(IdentityGraph, StringComparer.Ordinal))
        {
            throw Invalid($"Field 'identityGraph.type' value '{Short(IdentityGraph)}' is not supported: use 'none' (no stitching) or 'pdg' (private identity graph).");
        }

        if (!MergePolicyWire.AttributeMergeTypes.Contains(AttributeMerge, StringComparer.Ordinal))
        {
            throw Invalid($"Field 'attributeMerge.type' value '{Short(AttributeMerge)}' is not supported: use 'timestampOrdered' or 'dataSetPrecedence'.");
        }

        if (AttributeMerge == MergePolicyWire.DataSetPrecedence && Order.Count == 0)
        {
            throw Invalid("Field 'attributeMerge.order' is required with 'dataSetPrecedence': list the dataset ids to merge, highest priority first.");
        }

        if (AttributeMerge == MergePolicyWire.TimestampOrdered && Order.Count > 0)
        {
            throw Invalid("Field 'attributeMerge.order' applies only to 'dataSetPrecedence': leave it out with 'timestampOrdered'.");
        }

        if (Order.Count > MergePolicyWire.MaxOrderedDatasets)
        {
            throw Invalid($"Field 'attributeMerge.order' lists {Order.Count} datasets: at most {MergePolicyWire.MaxOrderedDatasets} can be ranked.");
        }

        if (Order.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Invalid($"Field 'attributeMerge.order' lists dataset '{Short(twice.Key)}' twice: rank each dataset once.");
        }

        return this;
    }

    internal static AepException Invalid(string detail) => new(ErrorCatalog.Profile.InvalidMergePolicy, detail);

    internal static string Short(string value) => value.Length <= 100 ? value : value[..100] + "...";

    /// <summary>A boolean flag: JSON true/false, or the strings "true"/"false" the docs' PATCH example sends.</summary>
    internal static bool? Flag(JsonNode? node, string field, Func<string, AepException> invalid) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when PlainText.Read(node.AsValue()) is { } s && bool.TryParse(s, out var b) => b,
        _ => throw invalid($"Field '{field}' must be true or false, not {Describe(node)}."),
    };

    internal static IReadOnlyList<string> OrderOf(JsonNode? node, string field)
    {
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw Invalid($"Field '{field}' must be an array of dataset ids, not {Describe(node)}.");
        }

        var ids = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var id = item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? PlainText.Read(v) : null;
            if (id is null || id.Trim().Length == 0 || id.Length > MergePolicyWire.MaxIdLength || !PlainText.IsStorable(id))
            {
                throw Invalid($"Field '{field}[{i}]' must be a dataset id (a non-empty string of at most {MergePolicyWire.MaxIdLength} characters), not {Describe(item)}.");
            }

            ids.Add(id);
        }

        return ids;
    }

    internal static string? Text(JsonObject o, string property, string field, int max, Func<string, AepException>? invalid = null) =>
        TextOf(o[property], field, max, invalid);

    internal static string? TextOf(JsonNode? node, string field, int max, Func<string, AepException>? invalid = null)
    {
        invalid ??= Invalid;
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? PlainText.Read(v) : throw invalid($"Field '{field}' must be a string, not {Describe(node)}.");
        if (text is null || !PlainText.IsStorable(text))
        {
            throw invalid($"Field '{field}' contains a NUL or an unpaired surrogate character: send plain text.");
        }

        return text.Length > max ? throw invalid($"Field '{field}' is {text.Length} characters long: use at most {max}.") : text;
    }

    internal static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static JsonObject RequireObject(JsonNode? node, string message, bool present = true)
    {
        if (node is JsonObject o)
        {
            if (JsonDuplicateKeys.Find(o) is { } duplicate)
            {
                throw Invalid($"The JSON names property '{Short(duplicate)}' twice in one object: send each property once.");
            }

            return o;
        }

        throw Invalid(present && node is not null ? $"{message} Got {Describe(node)}." : message);
    }
}
