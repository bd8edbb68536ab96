using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>A merge policy as stored: the rules Profile merges a person's fragments by (help/profile/api/merge-policies.md).</summary>
/// <remarks>Named <c>...Definition</c> because the merge evaluation has its own <c>MergePolicy</c> model; this is
/// the configuration resource of <c>/config/mergePolicies</c>. Changes go through <see cref="MergePolicySet"/>, which
/// keeps the sandbox-wide rules (one default per class, one policy on edge, at most five).</remarks>
public sealed class MergePolicyDefinition : ITenantOwned
{
    private MergePolicyDefinition()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>A UUID, as AEP's ids (<c>10648288-cda5-11e8-a8d5-f2801f1b9fd1</c>).</summary>
    public string Id { get; private set; } = "";

    public string? Name { get; private set; }

    public string SchemaName { get; private set; } = "";

    public string IdentityGraph { get; private set; } = "";

    public string AttributeMerge { get; private set; } = "";

    /// <summary>Dataset ids by precedence, empty unless <see cref="AttributeMerge"/> is <c>dataSetPrecedence</c>.</summary>
    public IReadOnlyList<string> Order { get; private set; } = [];

    public bool IsDefault { get; private set; }

    public bool IsActiveOnEdge { get; private set; }

    /// <summary>1 on creation, incremented by every update ("incremented whenever a merge policy is updated").</summary>
    public int Version { get; private set; }

    /// <summary>Last update, epoch seconds (the docs' <c>"updateEpoch": 1551660639</c>).</summary>
    public long UpdateEpoch { get; private set; }

    /// <summary>Creation time: the tie-break of list ordering.</summary>
    public DateTimeOffset Created { get; private set; }

    public MergePolicyFields Fields => new(Name, SchemaName, IdentityGraph, AttributeMerge, Order, IsDefault, IsActiveOnEdge);

    internal static MergePolicyDefinition Create(TenantKey tenant, string id, MergePolicyFields fields, DateTimeOffset now)
    {
        var policy = new MergePolicyDefinition { ImsOrg = tenant.ImsOrg, Sandbox = tenant.Sandbox, Id = id, Version = 1, Created = now };
        policy.Set(fields, now);
        return policy;
    }

    /// <summary>Replaces every client field and counts a new version.</summary>
    internal void Replace(MergePolicyFields fields, DateTimeOffset now)
    {
        Set(fields, now);
        Version++;
    }

    /// <summary>Another policy of the class became the default: the system updates this one.</summary>
    internal void ClearDefault(DateTimeOffset now)
    {
        IsDefault = false;
        UpdateEpoch = now.ToUnixTimeSeconds();
        Version++;
    }

    private void Set(MergePolicyFields fields, DateTimeOffset now)
    {
        Name = fields.Name;
        SchemaName = fields.SchemaName;
        IdentityGraph = fields.IdentityGraph;
        AttributeMerge = fields.AttributeMerge;
        Order = fields.AttributeMerge == MergePolicyWire.DataSetPrecedence ? [.. fields.Order] : [];
        IsDefault = fields.IsDefault;
        IsActiveOnEdge = fields.IsActiveOnEdge;
        UpdateEpoch = now.ToUnixTimeSeconds();
    }
}
