using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>Every merge policy of one sandbox, changed together so the sandbox-wide rules hold: at most
/// <see cref="MergePolicyWire.MaxPolicies"/>, one default per schema class (setting a new default clears the old
/// one), one policy active on edge, and a policy on edge cannot be deleted.</summary>
/// <remarks>Loaded whole (five rows at most) and saved whole by <see cref="IMergePolicyStore"/>: the revision of
/// <see cref="State"/> makes the save fail when another writer saved first.</remarks>
public sealed class MergePolicySet
{
    private readonly List<MergePolicyDefinition> _policies;
    private readonly List<MergePolicyDefinition> _added = [];
    private readonly List<MergePolicyDefinition> _removed = [];

    public MergePolicySet(TenantKey tenant, MergePolicySandbox? state, IEnumerable<MergePolicyDefinition> policies)
    {
        Tenant = tenant;
        State = state;
        _policies = [.. policies];
    }

    public TenantKey Tenant { get; }

    /// <summary>The sandbox's state; null until the sandbox is first used.</summary>
    public MergePolicySandbox? State { get; private set; }

    /// <summary>True when <see cref="State"/> was created by this change (the store inserts it).</summary>
    public bool StateIsNew { get; private set; }

    public IReadOnlyList<MergePolicyDefinition> Policies => _policies;

    public IReadOnlyList<MergePolicyDefinition> Added => _added;

    public IReadOnlyList<MergePolicyDefinition> Removed => _removed;

    /// <summary>Whether anything must be saved.</summary>
    public bool HasChanges { get; private set; }

    /// <summary>On first use, gives the sandbox its default policy, as every AEP sandbox has one
    /// (<see cref="MergePolicyWire.SystemDefaultName"/>: XDM Individual Profile, timestamp ordered).</summary>
    public void EnsureProvisioned(string newId, DateTimeOffset now)
    {
        if (State is not null)
        {
            return;
        }

        State = MergePolicySandbox.Create(Tenant, now);
        StateIsNew = true;
        HasChanges = true;
        if (!_policies.Any(p => p.IsDefault && p.SchemaName == MergePolicyWire.ProfileClass))
        {
            Add(MergePolicyDefinition.Create(Tenant, newId, SystemDefault, now));
        }
    }

    /// <summary>The fields of the system default policy.</summary>
    public static MergePolicyFields SystemDefault { get; } = new(
        MergePolicyWire.SystemDefaultName, MergePolicyWire.ProfileClass, MergePolicyWire.IdentityGraphPdg, MergePolicyWire.TimestampOrdered, [], IsDefault: true, IsActiveOnEdge: false);

    public MergePolicyDefinition? Find(string id) => _policies.FirstOrDefault(p => p.Id == id);

    public MergePolicyDefinition Get(string id) => Find(id) ?? throw NotFound(id);

    /// <summary>The default policy of a schema class, if it has one.</summary>
    public MergePolicyDefinition? DefaultFor(string schemaName) =>
        _policies.FirstOrDefault(p => p.IsDefault && string.Equals(p.SchemaName, schemaName, StringComparison.Ordinal));

    public MergePolicyDefinition Create(MergePolicyFields fields, string id, DateTimeOffset now)
    {
        if (_policies.Count >= MergePolicyWire.MaxPolicies)
        {
            throw new AepException(
                ErrorCatalog.Profile.MergePolicyLimit,
                $"The sandbox already has {_policies.Count} merge policies, the most allowed ({MergePolicyWire.MaxPolicies}): delete or update one instead of creating another.");
        }

        EnsureEdgeFree(fields, exceptId: null);
        var policy = MergePolicyDefinition.Create(Tenant, id, fields, now);
        Add(policy);
        ClearOtherDefaults(policy, now);
        return policy;
    }

    public MergePolicyDefinition Replace(string id, MergePolicyFields fields, DateTimeOffset now)
    {
        var policy = Get(id);
        EnsureEdgeFree(fields, exceptId: id);
        policy.Replace(fields, now);
        Touch();
        ClearOtherDefaults(policy, now);
        return policy;
    }

    public void Delete(string id)
    {
        var policy = Get(id);
        if (policy.IsActiveOnEdge)
        {
            throw new AepException(
                ErrorCatalog.Profile.ActiveOnEdgeNotDeletable,
                $"Merge policy {id} is active on edge and cannot be deleted: set isActiveOnEdge to false with PATCH or PUT first.");
        }

        _policies.Remove(policy);
        _removed.Add(policy);
        Touch();
    }

    public static AepException NotFound(string id) => new(
        ErrorCatalog.Profile.MergePolicyNotFound,
        $"Merge policy '{MergePolicyFields.Short(id)}' was not found in this sandbox: list the merge policies with GET /data/core/ups/config/mergePolicies.");

    private void Add(MergePolicyDefinition policy)
    {
        _policies.Add(policy);
        _added.Add(policy);
        Touch();
    }

    private void EnsureEdgeFree(MergePolicyFields fields, string? exceptId)
    {
        if (fields.IsActiveOnEdge && _policies.FirstOrDefault(p => p.IsActiveOnEdge && p.Id != exceptId) is { } onEdge)
        {
            throw new AepException(
                ErrorCatalog.Profile.EdgePolicyTaken,
                $"Merge policy {onEdge.Id} is already active on edge and only one may be: set its isActiveOnEdge to false first.");
        }
    }

    private void ClearOtherDefaults(MergePolicyDefinition policy, DateTimeOffset now)
    {
        if (!policy.IsDefault)
        {
            return;
        }

        foreach (var other in _policies.Where(p => p != policy && p.IsDefault && p.SchemaName == policy.SchemaName))
        {
            other.ClearDefault(now);
        }
    }

    private void Touch()
    {
        HasChanges = true;
        State?.Touch();
    }
}
