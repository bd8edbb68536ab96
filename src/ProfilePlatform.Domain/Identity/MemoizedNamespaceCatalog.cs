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

    /// <summary>The answer already memoized for a namespace code (or, when <paramref name="isId"/>, a numeric id given
    /// as text), without asking the underlying catalogue; false when it has not been asked yet. Text that is not a
    /// number is no id: its answer is known (none).</summary>
    public bool TryGetCached(string codeOrId, bool isId, out IdentityNamespace? found)
    {
        if (!isId)
        {
            return _byCode.TryGetValue(codeOrId, out found);
        }

        if (!int.TryParse(codeOrId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            found = null;
            return true;
        }

        return _byId.TryGetValue(id, out found);
    }

    public Task<IReadOnlyList<IdentityNamespace>> ListAsync(CancellationToken ct)
    {
        throw new NotImplementedException();
    }
}
