using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.JsonText;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The settings a client gives a merge policy (POST body, PUT body, or a policy after PATCH), validated.</summary>
public sealed record MergePolicyDraft(
    string? Name,
    string SchemaName,
    string IdentityGraphType,
    AttributeMerge AttributeMerge,
    bool Default,
    bool IsActiveOnEdge)
{
    /// <summary>"You can select up to 50 datasets" for dataset precedence (help/profile/merge-policies/ui-guide.md).</summary>
    public const int MaxOrderedDatasets = 50;

    /// <summary>Longest name accepted [unverified: AEP documents no limit].</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest class name or dataset id accepted (Catalog ids are 24 hex digits) [unverified: AEP documents no limit].</summary>
    public const int MaxIdLength = 256;

    /// <summary>Reads and validates a POST or PUT body (profile.yaml <c>PostMergePolicy</c>: <c>schema</c>,
    /// <c>identityGraph</c> and <c>attributeMerge</c> required). Read-only fields a PUT echoes back (<c>id</c>,
    /// <c>imsOrgId</c>, <c>sandbox</c>, <c>version</c>, <c>updateEpoch</c>) and unknown fields are ignored;
    /// <c>default</c> and <c>isActiveOnEdge</c> default to false and accept <c>"true"</c>/<c>"false"</c> strings too,
    /// as AEP's own examples send them. <c>order</c> is dropped for <c>timestampOrdered</c>.</summary>
    /// <exception cref="MergePolicyRuleException"><see cref="MergePolicyRule.Invalid"/>, listing every problem.</exception>
    public static MergePolicyDraft Parse(JsonNode? body)
    {
        if (body is not JsonObject json)
        {
            throw Invalid(["the body must be a JSON object with schema, identityGraph and attributeMerge"]);
        }

        var problems = new List<string>();
        var name = json["name"] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => CheckedName(PlainText.Read(v), problems),
            _ => Problem<string>(problems, "name must be a string"),
        };
        var schema = RequiredEnumless(json, "schema", problems, "the XDM class the policy merges, e.g. {\"name\": \"_xdm.context.profile\"}");
        var graph = RequiredType(json, "identityGraph", IdentityGraphTypes.All, problems);
        var attributeType = RequiredType(json, "attributeMerge", AttributeMergeTypes.All, problems);
        var order = attributeType == AttributeMergeTypes.DataSetPrecedence ? Order(json["attributeMerge"] as JsonObject, problems) : [];
        var isDefault = Flag(json, "default", problems);
        var onEdge = Flag(json, "isActiveOnEdge", problems);
        if (problems.Count > 0)
        {
            throw Invalid(problems);
        }

        return new MergePolicyDraft(name, schema!, graph!, new AttributeMerge(attributeType!, order), isDefault, onEdge);
    }

    /// <summary>The draft as a body <see cref="Parse"/> reads back (what PATCH edits).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name is not null)
        {
            json["name"] = Name;
        }

        json["schema"] = new JsonObject { ["name"] = SchemaName };
        json["identityGraph"] = new JsonObject { ["type"] = IdentityGraphType };
        json["attributeMerge"] = AttributeMerge.ToJson();
        json["default"] = Default;
        json["isActiveOnEdge"] = IsActiveOnEdge;
        return json;
    }

    private static string? RequiredEnumless(JsonObject json, string field, List<string> problems, string hint)
    {
        if (json[field] is not JsonObject obj)
        {
            problems.Add($"{field} is required: {hint}");
            return null;
        }

        if (obj["name"] is JsonValue v && v.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(PlainText.Read(v) ?? "x"))
        {
            return Text(PlainText.Read(v), $"{field}.name", MaxIdLength, problems);
        }

        problems.Add($"{field}.name must be a non-empty string: {hint}");
        return null;
    }

    private static string? RequiredType(JsonObject json, string field, IReadOnlyList<string> allowed, List<string> problems)
    {
        var type = (json[field] as JsonObject)?["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (type is not null && allowed.Contains(type, StringComparer.Ordinal))
        {
            return type;
        }

        problems.Add(json[field] is JsonObject
            ? $"{field}.type must be one of {string.Join(", ", allowed)}{(type is null ? string.Empty : $", not '{type}'")}"
            : $"{field} is required: {{\"type\": \"{allowed[0]}\"}} (one of {string.Join(", ", allowed)})");
        return null;
    }

    private static List<string> Order(JsonObject? attributeMerge, List<string> problems)
    {
        if (attributeMerge?["order"] is not JsonArray array || array.Count == 0)
        {
            problems.Add("attributeMerge.order is required for dataSetPrecedence: list the dataset ids to merge, highest priority first (datasets not listed are not merged)");
            return [];
        }

        var order = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(PlainText.Read(v) ?? "x"))
            {
                problems.Add($"attributeMerge.order must hold dataset ids (non-empty strings) only: attributeMerge.order[{order.Count}] is not one");
                return [];
            }

            if (Text(PlainText.Read(v), $"attributeMerge.order[{order.Count}]", MaxIdLength, problems) is not { } id)
            {
                return [];
            }

            order.Add(id);
        }

        if (order.Distinct(StringComparer.Ordinal).Count() != order.Count)
        {
            problems.Add("attributeMerge.order lists a dataset more than once: give each dataset one place in the priority order");
        }

        if (order.Count > MaxOrderedDatasets)
        {
            problems.Add($"attributeMerge.order lists {order.Count} datasets; at most {MaxOrderedDatasets} can be ordered");
        }

        return order;
    }

    private static bool Flag(JsonObject json, string field, List<string> problems) => json[field] switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => Problem<bool>(problems, $"{field} must be true or false"),
    };

    /// <summary>A name is optional, but not blank, at most <see cref="MaxNameLength"/> characters of storable text.</summary>
    private static string? CheckedName(string? name, List<string> problems)
    {
        if (name is not null && name.Trim().Length == 0)
        {
            problems.Add("name is blank: give the merge policy a name or leave the field out");
            return null;
        }

        return Text(name, "name", MaxNameLength, problems);
    }

    /// <summary>Text the store can keep and send back unchanged: no NUL, no unpaired surrogate, at most <paramref name="max"/> characters.</summary>
    private static string? Text(string? text, string field, int max, List<string> problems)
    {
        if (text is null || !PlainText.IsStorable(text))
        {
            problems.Add($"{field} contains a NUL or an unpaired surrogate character: send plain text");
            return null;
        }

        if (text.Length > max)
        {
            problems.Add($"{field} is {text.Length} characters long: use at most {max}");
            return null;
        }

        return text;
    }

    private static T? Problem<T>(List<string> problems, string problem)
    {
        problems.Add(problem);
        return default;
    }

    private static MergePolicyRuleException Invalid(IEnumerable<string> problems) =>
        new(MergePolicyRule.Invalid, "The merge policy is invalid: " + string.Join("; ", problems) + ".");
}
