using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Catalog;

/// <summary>Datasets in the platform store; the context scopes every query to the request's org and sandbox.</summary>
internal sealed class EfDatasetStore(PlatformDbContext db, IEnumerable<IDatasetDataEraser> erasers) : IDatasetStore
{
    private static readonly CatalogColumns Indexed = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "name" },
        new HashSet<string>(StringComparer.Ordinal) { "created", "updated" });

    public CatalogColumns Columns => Indexed;

    public Task<Dataset?> FindAsync(string id, CancellationToken ct) => db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DatasetsBySchemaAsync(CancellationToken ct) =>
        (await db.Datasets.AsNoTracking().Select(d => new { d.SchemaId, d.Id }).ToListAsync(ct))
            .GroupBy(d => d.SchemaId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.Id).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    public async Task<IReadOnlyList<Dataset>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await db.Datasets.Where(d => ids.Contains(d.Id)).ToListAsync(ct);

    public Task<IReadOnlyList<Dataset>> QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        CatalogQueries.RunAsync(db.Datasets, query, d => d.Created, d => d.Updated, d => d.Id, Equal, ct);

    public async Task AddAsync(Dataset dataset, CancellationToken ct)
    {
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
    }

    public async Task SaveAsync(Dataset dataset, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.Entry(dataset).State = EntityState.Detached;
            throw new CatalogConcurrencyException($"Dataset {dataset.Id} was changed by another writer.", ex);
        }
    }

    public async Task DeleteAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct)
    {
        // The dataset and everything kept for it go together, or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(dataset, now, ct);
        }

        db.Datasets.Remove(dataset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new CatalogConcurrencyException($"Dataset {dataset.Id} was changed or deleted by another writer.", ex);
        }

        await tx.CommitAsync(ct);
    }

    private static Expression<Func<Dataset, bool>> Equal(string property, IReadOnlyList<string> values) => property switch
    {
        "id" => d => values.Contains(d.Id),
        "name" => d => values.Contains(d.Name!),
        _ => throw new InvalidOperationException($"Datasets have no column for '{property}'."),
    };
}
