using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="IMergePolicyStore"/> for one tenant: loads copies (as the real store reads rows afresh), saves
/// only when no other save happened since the load (the real store's revision check), and can play concurrent writers.</summary>
public sealed class InMemoryMergePolicyStore : IMergePolicyStore
{
    private MergePolicySandbox? _state;
    private List<MergePolicyDefinition> _policies = [];
    private long _revision;

    public IReadOnlyList<MergePolicyDefinition> Policies => _policies;

    public int Saves { get; private set; }

    public int Conflicts { get; private set; }

    /// <summary>Run before the next saves, once each: lets a test play a writer that saves first.</summary>
    public Queue<Action> BeforeSaves { get; } = new();

    private readonly Dictionary<MergePolicySet, long> _loadedAt = [];

    public Task<MergePolicySet> LoadAsync(TenantKey tenant, CancellationToken ct)
    {
        var set = new MergePolicySet(tenant, _state is null ? null : Copy(_state), _policies.Select(Copy));
        _loadedAt[set] = _revision;
        return Task.FromResult(set);
    }

    public Task SaveAsync(MergePolicySet set, CancellationToken ct)
    {
        if (BeforeSaves.TryDequeue(out var before))
        {
            before();
        }

        if (_loadedAt[set] != _revision)
        {
            Conflicts++;
            throw new MergePolicyConflictException("revision moved");
        }

        _state = set.State;
        _policies = [.. set.Policies];
        _revision++;
        Saves++;
        return Task.CompletedTask;
    }

    private static T Copy<T>(T entity)
        where T : class =>
        (T)typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(entity, null)!;

    /// <summary>Counts as another writer's save: every set loaded before it now conflicts.</summary>
    public void Bump() => _revision++;
}
