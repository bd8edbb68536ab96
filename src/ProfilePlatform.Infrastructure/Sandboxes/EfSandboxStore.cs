using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Sandboxes;

/// <summary>Sandboxes in the platform store; every query is scoped to the tenancy's organization by the context.</summary>
internal sealed class EfSandboxStore(PlatformDbContext db) : ISandboxStore
{
    public async Task<Sandbox?> FindAsync(string name, CancellationToken ct)
    {
        var candidates = await db.Sandboxes.Where(s => s.Name == name).ToListAsync(ct);
        return candidates.FirstOrDefault(s => s.IsLive)
            ?? candidates.OrderByDescending(s => s.LastModifiedDate).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Sandbox>> ListAsync(bool liveOnly, int offset, int limit, CancellationToken ct) =>
        await Query(liveOnly).OrderBy(s => s.CreatedDate).ThenBy(s => s.Name).ThenBy(s => s.Id).Skip(offset).Take(limit).ToListAsync(ct);

    public Task<int> CountAsync(bool liveOnly, CancellationToken ct) => Query(liveOnly).CountAsync(ct);

    public Task AddAsync(Sandbox sandbox, CancellationToken ct) =>
        db.AddUniqueAsync(sandbox, ex => new SandboxNameTakenException($"A live sandbox named '{sandbox.Name}' already exists.", ex), ct);

    public async Task SaveAsync(Sandbox sandbox, bool eraseData, CancellationToken ct)
    {
        if (!eraseData)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        // The data and the record change together: a reset or delete is all-or-nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await TenantDataEraser.EraseAsync(db, new TenantKey(sandbox.ImsOrg, sandbox.Name), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private IQueryable<Sandbox> Query(bool liveOnly) =>
        liveOnly ? db.Sandboxes.Where(s => s.State != SandboxState.Deleted) : db.Sandboxes;
}
