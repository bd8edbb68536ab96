using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>The sandbox block AEP puts in every merge policy it returns (help/profile/api/merge-policies.md examples:
/// <c>{"sandboxId","sandboxName","type","default"}</c>).</summary>
public sealed record MergePolicySandbox(string SandboxId, string SandboxName, string Type, bool Default)
{
    public JsonObject ToJson() => new()
    {
        ["sandboxId"] = SandboxId,
        ["sandboxName"] = SandboxName,
        ["type"] = Type,
        ["default"] = Default,
    };
}
