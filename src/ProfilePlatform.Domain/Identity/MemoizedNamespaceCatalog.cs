namespace ProfilePlatform.Domain.Identity;

/// <summary>Remembers the namespace lookups of one unit of work (a batch segment), so that extracting identities from
/// thousands of records asks the underlying catalogue once per namespace code or id, not once per identity.</summary>
/// <remarks>Not thread-safe and not meant to outlive the unit of work: a namespace created meanwhile is seen by the
/// next one.</remarks>
public sealed class MemoizedNamespaceCatalog(IIdentityNamespaceCatalog inner) : IIdentityNamespaceCatalog
{
    private readonly Dictionary<string, IdentityNamespace?> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, IdentityNamespace?> _byId = [];

    public async Task<IdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct)
    {
        if (!_byCode.TryGetValue(code, out var found))
        {
            found = await inner.FindByCodeAsync(code, ct);
            _byCode[code] = found;
        }

        return found;
    }

    public async Task<IdentityNamespace?> FindByIdAsync(int id, CancellationToken ct)
    {
        if (!_byId.TryGetValue(id, out var found))
        {
            found = await inner.FindByIdAsync(id, ct);
            _byId[id] = found;
        }

        return found;
    }

    public Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct)
    {
        throw new NotImplementedException();
    }
}
