using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A merge policy as Profile sends it, with the properties in the order of help/profile/api/merge-policies.md.</summary>
public static class MergePolicyJson
{
    public static JsonObject ToJson(MergePolicyDefinition policy, Sandbox? sandbox)
    {
        var merge = new JsonObject { ["type"] = policy.AttributeMerge };
        if (policy.AttributeMerge == MergePolicyWire.DataSetPrecedence)
        {
            merge["order"] = new JsonArray([.. policy.Order.Select(d => (JsonNode)JsonValue.Create(d))]);
        }

        var json = new JsonObject { ["id"] = policy.Id };
        if (policy.Name is not null)
        {
            json["name"] = policy.Name;
        }

        json["imsOrgId"] = policy.ImsOrg;
        json["sandbox"] = new JsonObject
        {
            ["sandboxId"] = sandbox?.Id.ToString(),
            ["sandboxName"] = policy.Sandbox,
            ["type"] = sandbox?.Type.ToWire(),
            ["default"] = sandbox?.IsDefault,
        };
        json["schema"] = new JsonObject { ["name"] = policy.SchemaName };
        json["version"] = policy.Version;
        json["identityGraph"] = new JsonObject { ["type"] = policy.IdentityGraph };
        json["attributeMerge"] = merge;
        json["isActiveOnEdge"] = policy.IsActiveOnEdge;
        json["default"] = policy.IsDefault;
        json["updateEpoch"] = policy.UpdateEpoch;
        return json;
    }
}
