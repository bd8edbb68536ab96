using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>Inlets in the platform store, scoped to the tenancy except for the collection lookup by inlet id.</summary>
internal sealed class EfStreamingInletStore(PlatformDbContext db) : IStreamingInletStore
{
    public Task<StreamingInlet?> FindAsync(string inletId, CancellationToken ct) =>
        db.StreamingInlets.FirstOrDefaultAsync(i => i.InletId == inletId, ct);

    public Task<StreamingInlet?> FindByConnectionAsync(string connectionId, CancellationToken ct) =>
        db.StreamingInlets.FirstOrDefaultAsync(i => i.ConnectionId == connectionId, ct);

    public async Task<IReadOnlyList<StreamingInlet>> ListAsync(CancellationToken ct) =>
        await db.StreamingInlets.AsNoTracking().OrderBy(i => i.Created).ThenBy(i => i.InletId).ToListAsync(ct);

    public Task<StreamingInlet?> FindForCollectionAsync(string inletId, CancellationToken ct) =>
        db.StreamingInlets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.InletId == inletId, ct);

    public async Task AddAsync(StreamingInlet inlet, CancellationToken ct)
    {
        db.StreamingInlets.Add(inlet);
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(StreamingInlet inlet, CancellationToken ct)
    {
        db.StreamingInlets.Remove(inlet);
        await db.SaveChangesAsync(ct);
    }
}
