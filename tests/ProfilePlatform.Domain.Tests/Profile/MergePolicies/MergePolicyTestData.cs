using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Domain.Tests.Profile.MergePolicies;

internal static class MergePolicyTestData
{
    public const string Org = "AAAA0000000000000000000A@AdobeOrg";
    public static readonly MergePolicySandbox Prod = new("ff0f6870-c46d-11e9-8ca3-036939a64204", "prod", "production", true);

    public static MergePolicy Policy(
        string id,
        bool isDefault = false,
        bool onEdge = false,
        string graph = IdentityGraphTypes.None,
        string schema = MergePolicy.ProfileClass,
        params string[] order) =>
        new(id, $"policy {id}", Org, Prod, schema, 1, graph,
            order.Length == 0 ? AttributeMerge.TimestampOrdered : new AttributeMerge(AttributeMergeTypes.DataSetPrecedence, order),
            onEdge, isDefault, 1551660639);

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;
}
