using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The one place merge policy rules become Profile errors: each <see cref="MergePolicyRule"/> a request breaks
/// maps to its <see cref="ErrorCatalog.Profile"/> entry, with the domain's message (which names the field and the fix).</summary>
public static class MergePolicyErrors
{
    public static AepException From(MergePolicyRuleException ex) => new(
        ex.Rule switch
        {
            MergePolicyRule.Invalid => ErrorCatalog.Profile.InvalidMergePolicy,
            MergePolicyRule.InvalidPatch => ErrorCatalog.Profile.InvalidPatch,
            MergePolicyRule.LimitReached => ErrorCatalog.Profile.MergePolicyLimit,
            MergePolicyRule.ActiveOnEdgeTaken => ErrorCatalog.Profile.EdgePolicyTaken,
            MergePolicyRule.ActiveOnEdgeNotDeletable => ErrorCatalog.Profile.ActiveOnEdgeNotDeletable,
            _ => throw new ArgumentOutOfRangeException(nameof(ex), ex.Rule, "Unmapped merge policy rule."),
        },
        ex.Message);

    /// <summary>An invalid request body outside the policy itself (a PUT's id, a bulk lookup's ids).</summary>
    public static AepException Invalid(string detail) => new(ErrorCatalog.Profile.InvalidMergePolicy, detail);

    public static AepException NotFound(string id) => new(
        ErrorCatalog.Profile.MergePolicyNotFound,
        $"Merge policy '{Short(id)}' was not found in this sandbox: list the merge policies with GET /data/core/ups/config/mergePolicies.");

    /// <summary>A client value shortened for a message.</summary>
    public static string Short(string value) => value.Length <= 100 ? value : value[..100] + "...";

    /// <summary>The JSON type of a node, for messages.</summary>
    public static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
