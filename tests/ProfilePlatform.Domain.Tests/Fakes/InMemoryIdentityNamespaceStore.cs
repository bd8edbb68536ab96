using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>An <see cref="IIdentityNamespaceStore"/> for one tenant that honours the unique indexes of the real one.</summary>
public sealed class InMemoryIdentityNamespaceStore : IIdentityNamespaceStore
{
    private readonly List<CustomIdentityNamespace> _namespaces = [];

    public IReadOnlyList<CustomIdentityNamespace> All => _namespaces;

    /// <summary>Ids the unique index refuses as if another tenant had them.</summary>
    public HashSet<int> TakenElsewhere { get; } = [];

    /// <summary>Run at the start of the next <see cref="AddAsync"/>, once: lets a test play a concurrent writer.</summary>
    public Action? BeforeNextAdd { get; set; }

    public int AddCalls { get; private set; }

    public Task<IReadOnlyList<CustomIdentityNamespace>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CustomIdentityNamespace>>([.. _namespaces.OrderBy(n => n.Id)]);

    public Task<CustomIdentityNamespace?> FindAsync(int id, CancellationToken ct) =>
        Task.FromResult(_namespaces.FirstOrDefault(n => n.Id == id));

    public Task<CustomIdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct) =>
        Task.FromResult(_namespaces.FirstOrDefault(n => n.CodeKey == CustomIdentityNamespace.KeyOf(code)));

    public Task<CustomIdentityNamespace?> FindByNameAsync(string name, CancellationToken ct) =>
        Task.FromResult(_namespaces.FirstOrDefault(n => n.NameKey == CustomIdentityNamespace.KeyOf(name)));

    public Task AddAsync(CustomIdentityNamespace ns, CancellationToken ct)
    {
        AddCalls++;
        var before = BeforeNextAdd;
        BeforeNextAdd = null;
        before?.Invoke();
        if (TakenElsewhere.Contains(ns.Id) || _namespaces.Any(n => n.Id == ns.Id || n.CodeKey == ns.CodeKey || n.NameKey == ns.NameKey))
        {
            throw new IdentityNamespaceTakenException("unique index");
        }

        _namespaces.Add(ns);
        return Task.CompletedTask;
    }

    public Task SaveAsync(CustomIdentityNamespace ns, CancellationToken ct) =>
        _namespaces.Any(n => n != ns && n.NameKey == ns.NameKey)
            ? throw new IdentityNamespaceTakenException("unique index")
            : Task.CompletedTask;

    /// <summary>Adds a namespace directly, as another request would have.</summary>
    public void Seed(CustomIdentityNamespace ns) => _namespaces.Add(ns);
}
