using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Identity;

/// <summary>Custom identity namespaces in the platform store; the context scopes every query to the request's org and sandbox.</summary>
internal sealed class EfIdentityNamespaceStore(PlatformDbContext db) : IIdentityNamespaceStore
{
    public async Task<IReadOnlyList<CustomIdentityNamespace>> ListAsync(CancellationToken ct) =>
        await db.IdentityNamespaces.OrderBy(n => n.Id).ToListAsync(ct);

    public Task<CustomIdentityNamespace?> FindAsync(int id, CancellationToken ct) =>
        db.IdentityNamespaces.FirstOrDefaultAsync(n => n.Id == id, ct);

    public Task<CustomIdentityNamespace?> FindByCodeAsync(string code, CancellationToken ct)
    {
        var key = CustomIdentityNamespace.KeyOf(code);
        return db.IdentityNamespaces.FirstOrDefaultAsync(n => n.CodeKey == key, ct);
    }

    public Task<CustomIdentityNamespace?> FindByNameAsync(string name, CancellationToken ct)
    {
        var key = CustomIdentityNamespace.KeyOf(name);
        return db.IdentityNamespaces.FirstOrDefaultAsync(n => n.NameKey == key, ct);
    }

    public Task AddAsync(CustomIdentityNamespace ns, CancellationToken ct) =>
        db.AddUniqueAsync(ns, ex => new IdentityNamespaceTakenException($"Namespace {ns.Id} '{ns.Code}' collides with an existing one.", ex), ct);

    public async Task SaveAsync(CustomIdentityNamespace ns, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await db.Entry(ns).ReloadAsync(ct);
            throw new IdentityNamespaceTakenException($"Namespace {ns.Id}'s new name collides with an existing one.", ex);
        }
    }
}
