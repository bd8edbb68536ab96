using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A merge policy: which fragments make a profile (<see cref="IdentityGraphType"/>) and which wins on a
/// conflict (<see cref="AttributeMerge"/>), as help/profile/api/merge-policies.md and profile.yaml's
/// <c>MergePolicy</c> describe it.</summary>
/// <param name="Id">Server-assigned id (a UUID).</param>
/// <param name="Name">"Friendly name by which the merge policy can be identified in list views"; optional in profile.yaml.</param>
/// <param name="ImsOrgId">The organization the policy belongs to.</param>
/// <param name="Sandbox">The sandbox block of AEP's responses.</param>
/// <param name="SchemaName">The XDM class the policy merges (<c>schema.name</c>, e.g. <c>_xdm.context.profile</c>).</param>
/// <param name="Version">"Platform maintained version ... incremented whenever a merge policy is updated"; 1 at creation.</param>
/// <param name="IdentityGraphType"><c>none</c> or <c>pdg</c>.</param>
/// <param name="AttributeMerge">The conflict rule.</param>
/// <param name="IsActiveOnEdge">Whether edge segmentation uses it; at most one per sandbox.</param>
/// <param name="Default">Whether it is the default of its class; at most one per class.</param>
/// <param name="UpdateEpoch">Last update, epoch seconds (the docs' examples: <c>1551660639</c>).</param>
public sealed record MergePolicy(
    string Id,
    string? Name,
    string ImsOrgId,
    MergePolicySandbox Sandbox,
    string SchemaName,
    int Version,
    string IdentityGraphType,
    AttributeMerge AttributeMerge,
    bool IsActiveOnEdge,
    bool Default,
    long UpdateEpoch)
{
    /// <summary>The name AEP gives the default policy it provides (help/profile/api/merge-policies.md examples).</summary>
    public const string SystemDefaultName = "Profile Default Merge Policy";

    /// <summary>The XDM Individual Profile class.</summary>
    public const string ProfileClass = "_xdm.context.profile";

    /// <summary>Whether profiles are stitched across the identity graph (<c>pdg</c>).</summary>
    public bool Stitches => IdentityGraphType == IdentityGraphTypes.Pdg;

    /// <summary>The policy AEP gives every sandbox ("Platform provides a default merge policy"): XDM Individual
    /// Profile, no stitching, timestamp ordered, default, not active on edge (the docs' default examples and
    /// "isActiveOnEdge: By default, this value is false").</summary>
    public static MergePolicy SystemDefault(string id, string imsOrgId, MergePolicySandbox sandbox, long nowEpoch) =>
        new(id, SystemDefaultName, imsOrgId, sandbox, ProfileClass, 1, IdentityGraphTypes.None, AttributeMerge.TimestampOrdered, false, true, nowEpoch);

    /// <summary>What a lookup uses when a class has no default policy: "If no default Merge Policy has been configured,
    /// the default is no profile merge and no identity stitching" (help/profile/api/entities.md) — read as no stitching
    /// and timestamp order among the looked-up identity's own fragments [unverified]. Its id is empty.</summary>
    public static MergePolicy NoStitching(string imsOrgId, MergePolicySandbox sandbox, string schemaName) =>
        new(string.Empty, null, imsOrgId, sandbox, schemaName, 1, IdentityGraphTypes.None, AttributeMerge.TimestampOrdered, false, false, 0);

    /// <summary>A new policy from a validated draft, version 1.</summary>
    public static MergePolicy Create(string id, string imsOrgId, MergePolicySandbox sandbox, MergePolicyDraft draft, long nowEpoch) =>
        new(id, draft.Name, imsOrgId, sandbox, draft.SchemaName, 1, draft.IdentityGraphType, draft.AttributeMerge, draft.IsActiveOnEdge, draft.Default, nowEpoch);

    /// <summary>The policy after a PUT or PATCH: the draft's settings, version + 1, new update time.</summary>
    public MergePolicy Update(MergePolicyDraft draft, long nowEpoch) => this with
    {
        Name = draft.Name,
        SchemaName = draft.SchemaName,
        IdentityGraphType = draft.IdentityGraphType,
        AttributeMerge = draft.AttributeMerge,
        IsActiveOnEdge = draft.IsActiveOnEdge,
        Default = draft.Default,
        Version = Version + 1,
        UpdateEpoch = nowEpoch,
    };

    /// <summary>This policy's settings as a draft (the starting point of a PATCH).</summary>
    public MergePolicyDraft ToDraft() => new(Name, SchemaName, IdentityGraphType, AttributeMerge, Default, IsActiveOnEdge);

    /// <summary>Whether fragments and events of <paramref name="datasetId"/> take part: every dataset under
    /// <c>timestampOrdered</c>, only the listed ones under <c>dataSetPrecedence</c>.</summary>
    public bool Includes(string datasetId) =>
        !AttributeMerge.IsDataSetPrecedence || AttributeMerge.Order.Contains(datasetId, StringComparer.Ordinal);

    /// <summary>The policy as the API returns it, in the docs' field order.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id };
        if (Name is not null)
        {
            json["name"] = Name;
        }

        json["imsOrgId"] = ImsOrgId;
        json["sandbox"] = Sandbox.ToJson();
        json["schema"] = new JsonObject { ["name"] = SchemaName };
        json["version"] = Version;
        json["identityGraph"] = new JsonObject { ["type"] = IdentityGraphType };
        json["attributeMerge"] = AttributeMerge.ToJson();
        json["isActiveOnEdge"] = IsActiveOnEdge;
        json["default"] = Default;
        json["updateEpoch"] = UpdateEpoch;
        return json;
    }
}
