using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Catalog;

/// <summary>Batches in the platform store; the context scopes every query to the request's org and sandbox.</summary>
internal sealed class EfBatchStore(PlatformDbContext db, IEnumerable<IBatchDataEraser> erasers) : IBatchStore
{
    private static readonly CatalogColumns Indexed = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "dataSet", "status" },
        new HashSet<string>(StringComparer.Ordinal) { "created", "updated" });

    public CatalogColumns Columns => Indexed;

    public Task<Batch?> FindAsync(string id, CancellationToken ct) => db.Batches.FirstOrDefaultAsync(b => b.Id == id, ct);

    public async Task<IReadOnlyList<Batch>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await db.Batches.Where(b => ids.Contains(b.Id)).ToListAsync(ct);

    public Task<IReadOnlyList<Batch>> QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        CatalogQueries.RunAsync(db.Batches, query, b => b.Created, b => b.Updated, b => b.Id, Equal, ct);

    public async Task<IReadOnlyList<Batch>> ListForDataSetAsync(string dataSetId, CancellationToken ct) =>
        await db.Batches.Where(b => b.DataSetId == dataSetId).ToListAsync(ct);

    public async Task AddAsync(Batch batch, CancellationToken ct)
    {
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
    }

    public async Task RevertAsync(Batch batch, CatalogAuthor? by, DateTimeOffset now, CancellationToken ct)
    {
        // The status and everything kept for the batch go together, or not at all.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        batch.Revert(by, now);
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(batch, now, ct);
        }

        await SaveAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            foreach (var entry in ex.Entries)
            {
                entry.State = EntityState.Detached;
            }

            throw new CatalogConcurrencyException("A batch was changed by another writer.", ex);
        }
    }

    private static Expression<Func<Batch, bool>> Equal(string property, IReadOnlyList<string> values)
    {
        switch (property)
        {
            case "id":
                return b => values.Contains(b.Id);
            case "dataSet":
                return b => values.Contains(b.DataSetId);
            case "status":
                var statuses = values.Select(BatchStatuses.FromWire).OfType<BatchStatus>().Distinct().ToList();
                return b => statuses.Contains(b.Status);
            default:
                throw new InvalidOperationException($"Batches have no column for '{property}'.");
        }
    }
}
