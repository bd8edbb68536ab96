namespace ProfilePlatform.Domain.Profile.MergePolicies;

/// <summary>One sandbox's merge policies as loaded from the store, with the changes one request makes to them: the
/// unit <see cref="IMergePolicyStore"/> loads and saves whole.</summary>
/// <remarks>The rules across policies (limit, one default per class, one on edge, no deleting the edge policy) are
/// <see cref="MergePolicySet"/>'s; this class adds what persistence needs: the sandbox's <see cref="Revision"/>, which
/// makes a save fail when another writer saved first, and which policies to write or delete.</remarks>
public sealed class SandboxMergePolicies
{
    private readonly Dictionary<string, MergePolicy> _saved = new(StringComparer.Ordinal);
    private readonly List<string> _deleted = [];
    private MergePolicySet _set;

    /// <param name="revision">The sandbox's revision when loaded; null when the sandbox never used merge policies.</param>
    /// <param name="policies">The stored policies, in creation order (the list order's tie-break).</param>
    public SandboxMergePolicies(long? revision, IEnumerable<MergePolicy> policies)
    {
        Revision = revision;
        _set = new MergePolicySet(policies);
    }

    /// <summary>The revision the policies were loaded at; null until the sandbox is provisioned.</summary>
    public long? Revision { get; }

    /// <summary>An opaque token of the stored state the policies were loaded at, which changes with every save and when
    /// the sandbox's policies are erased and provisioned again; null when the store has none (then nothing is cached,
    /// <see cref="MergePolicyCache"/>).</summary>
    public string? Version { get; init; }

    /// <summary>Whether the sandbox's default policy was provisioned (now or before).</summary>
    public bool IsProvisioned => Revision is not null || HasChanges;

    public IReadOnlyList<MergePolicy> Policies => _set.Policies;

    /// <summary>Policies to insert or update, in the order they were first changed.</summary>
    public IReadOnlyCollection<MergePolicy> Saved => _saved.Values;

    public IReadOnlyList<string> Deleted => _deleted;

    public bool HasChanges { get; private set; }

    /// <summary>On first use, gives the sandbox the default policy every AEP sandbox has (<see cref="MergePolicy.SystemDefault"/>).</summary>
    public void EnsureProvisioned(Func<MergePolicy> systemDefault, long nowEpoch)
    {
        if (IsProvisioned)
        {
            return;
        }

        HasChanges = true;
        if (_set.DefaultFor(MergePolicy.ProfileClass) is null)
        {
            Record(_set.Add(systemDefault(), nowEpoch));
        }
    }

    public MergePolicy? Find(string id) => _set.Policies.FirstOrDefault(p => p.Id == id);

    /// <exception cref="Errors.AepException">404 when the sandbox has no such policy.</exception>
    public MergePolicy Get(string id) => Find(id) ?? throw MergePolicyErrors.NotFound(id);

    public MergePolicy? DefaultFor(string schemaName) => _set.DefaultFor(schemaName);

    /// <summary><see cref="MergePolicySet.Add"/>, remembering every policy it changes.</summary>
    public MergePolicy Add(MergePolicy candidate, long nowEpoch) => Record(_set.Add(candidate, nowEpoch));

    /// <summary><see cref="MergePolicySet.Replace"/>, remembering every policy it changes.</summary>
    public MergePolicy Replace(MergePolicy updated, long nowEpoch) => Record(_set.Replace(updated, nowEpoch));

    /// <summary>Deletes a policy unless it is active on edge (<see cref="MergePolicySet.EnsureDeletable"/>).</summary>
    public void Delete(string id)
    {
        var policy = Get(id);
        MergePolicySet.EnsureDeletable(policy);
        _set = new MergePolicySet(_set.Policies.Where(p => p.Id != id));
        _saved.Remove(id);
        _deleted.Add(id);
        HasChanges = true;
    }

    private MergePolicy Record(IReadOnlyList<MergePolicy> changed)
    {
        foreach (var policy in changed)
        {
            _saved[policy.Id] = policy;
        }

        HasChanges = true;
        return changed[0];
    }
}
