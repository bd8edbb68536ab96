using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="ISandboxStore"/> for one organization that honours the contract in its XML docs.</summary>
public sealed class InMemorySandboxStore : ISandboxStore
{
    private readonly List<Sandbox> _sandboxes = [];

    public IReadOnlyList<Sandbox> All => _sandboxes;

    /// <summary>Every <see cref="SaveAsync"/> call, in order: which sandbox and whether its data was to be erased.</summary>
    public List<(string Name, bool EraseData)> Saves { get; } = [];

    public int AddCalls { get; private set; }

    /// <summary>Run at the start of the next <see cref="AddAsync"/>, once: lets a test play a concurrent writer.</summary>
    public Action<Sandbox>? BeforeNextAdd { get; set; }

    public Task<Sandbox?> FindAsync(string name, CancellationToken ct)
    {
        var candidates = _sandboxes.Where(s => s.Name == name).ToList();
        var found = candidates.FirstOrDefault(s => s.IsLive)
            ?? candidates.OrderByDescending(s => s.LastModifiedDate).FirstOrDefault();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Sandbox>> ListAsync(bool liveOnly, int offset, int limit, CancellationToken ct)
    {
        IReadOnlyList<Sandbox> page = Query(liveOnly)
            .OrderBy(s => s.CreatedDate).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Skip(offset).Take(limit).ToList();
        return Task.FromResult(page);
    }

    public Task<int> CountAsync(bool liveOnly, CancellationToken ct) => Task.FromResult(Query(liveOnly).Count());

    public Task AddAsync(Sandbox sandbox, CancellationToken ct)
    {
        AddCalls++;
        var hook = BeforeNextAdd;
        BeforeNextAdd = null;
        hook?.Invoke(sandbox);

        if (_sandboxes.Any(s => s.IsLive && s.Name == sandbox.Name))
        {
            throw new SandboxNameTakenException($"A live sandbox named '{sandbox.Name}' already exists.");
        }

        _sandboxes.Add(sandbox);
        return Task.CompletedTask;
    }

    public Task SaveAsync(Sandbox sandbox, bool eraseData, CancellationToken ct)
    {
        Saves.Add((sandbox.Name, eraseData));
        return Task.CompletedTask;
    }

    /// <summary>Puts a sandbox in the store directly, bypassing the duplicate check (as another node's write would).</summary>
    public void Seed(Sandbox sandbox) => _sandboxes.Add(sandbox);

    private IEnumerable<Sandbox> Query(bool liveOnly) => liveOnly ? _sandboxes.Where(s => s.IsLive) : _sandboxes;
}
