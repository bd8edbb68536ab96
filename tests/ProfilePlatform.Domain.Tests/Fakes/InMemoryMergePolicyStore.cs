using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="IMergePolicyStore"/> for one tenant: loads the stored policies (immutable records, in creation
/// order), saves only when no other save happened since the load (the real store's revision check), and can play
/// concurrent writers.</summary>
public sealed class InMemoryMergePolicyStore : IMergePolicyStore
{
    private List<MergePolicy> _policies = [];
    private long? _revision;

    public IReadOnlyList<MergePolicy> Policies => _policies;

    public int Saves { get; private set; }

    public int Conflicts { get; private set; }

    /// <summary>Run before the next saves, once each: lets a test play a writer that saves first.</summary>
    public Queue<Action> BeforeSaves { get; } = new();

    public Task<SandboxMergePolicies> LoadAsync(TenantKey tenant, CancellationToken ct) =>
        Task.FromResult(new SandboxMergePolicies(_revision, _policies));

    public Task SaveAsync(TenantKey tenant, SandboxMergePolicies changes, CancellationToken ct)
    {
        if (BeforeSaves.TryDequeue(out var before))
        {
            before();
        }

        if (changes.Revision != _revision)
        {
            Conflicts++;
            throw new MergePolicyConflictException("revision moved");
        }

        var policies = _policies.Where(p => !changes.Deleted.Contains(p.Id)).ToList();
        foreach (var saved in changes.Saved)
        {
            var index = policies.FindIndex(p => p.Id == saved.Id);
            if (index >= 0)
            {
                policies[index] = saved;
            }
            else
            {
                policies.Add(saved);
            }
        }

        _policies = policies;
        _revision = (_revision ?? 0) + 1;
        Saves++;
        return Task.CompletedTask;
    }

    /// <summary>Counts as another writer's save: every set loaded before it now conflicts.</summary>
    public void Bump() => _revision = (_revision ?? 0) + 1;
}
