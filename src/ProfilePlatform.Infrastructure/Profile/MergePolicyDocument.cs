using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>Reads a stored policy back from its <see cref="MergePolicy.ToJson"/> document: the settings through
/// <see cref="MergePolicyDraft.Parse"/> (the same reader as the API's), the platform's fields from the document and row.</summary>
internal static class MergePolicyDocument
{
    public static MergePolicy Read(MergePolicyRow row)
    {
        var json = JsonNode.Parse(row.Document)!.AsObject();
        var sandbox = json["sandbox"]!.AsObject();
        var block = new MergePolicySandbox(
            (string?)sandbox["sandboxId"] ?? string.Empty,
            (string?)sandbox["sandboxName"] ?? row.Sandbox,
            (string?)sandbox["type"] ?? string.Empty,
            (bool?)sandbox["default"] ?? false);
        return MergePolicy.Create(row.Id, (string?)json["imsOrgId"] ?? row.ImsOrg, block, MergePolicyDraft.Parse(json), row.UpdateEpoch) with
        {
            Version = row.Version,
        };
    }

    public static void Write(MergePolicy policy, MergePolicyRow row)
    {
        row.SchemaName = policy.SchemaName;
        row.IsDefault = policy.Default;
        row.IsActiveOnEdge = policy.IsActiveOnEdge;
        row.Version = policy.Version;
        row.UpdateEpoch = policy.UpdateEpoch;
        row.Document = policy.ToJson().ToJsonString();
    }
}
