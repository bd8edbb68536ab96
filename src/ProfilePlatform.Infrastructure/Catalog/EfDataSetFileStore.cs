using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Catalog;

/// <summary>Dataset files in the platform store; the context scopes every query to the request's org and sandbox.</summary>
internal sealed class EfDataSetFileStore(PlatformDbContext db) : IDataSetFileStore
{
    private static readonly CatalogColumns Indexed = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "dataSetId", "batchId", "dataSetViewId" },
        new HashSet<string>(StringComparer.Ordinal) { "created", "updated" });

    public CatalogColumns Columns => Indexed;

    public async Task<IReadOnlyList<DataSetFile>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await db.DataSetFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);

    public Task<IReadOnlyList<DataSetFile>> QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        CatalogQueries.RunAsync(db.DataSetFiles, query, f => f.Created, f => f.Updated, f => f.Id, Equal, ct);

    public async Task AddAsync(DataSetFile file, CancellationToken ct)
    {
        db.DataSetFiles.Add(file);
        await db.SaveChangesAsync(ct);
    }

    public Task<int> DeleteForDataSetAsync(string dataSetId, CancellationToken ct) =>
        db.DataSetFiles.Where(f => f.DataSetId == dataSetId).ExecuteDeleteAsync(ct);

    public Task<int> DeleteForBatchAsync(string batchId, CancellationToken ct) =>
        db.DataSetFiles.Where(f => f.BatchId == batchId).ExecuteDeleteAsync(ct);

    private static Expression<Func<DataSetFile, bool>> Equal(string property, IReadOnlyList<string> values) => property switch
    {
        "id" => f => values.Contains(f.Id),
        "dataSetId" => f => values.Contains(f.DataSetId),
        "batchId" => f => values.Contains(f.BatchId),
        "dataSetViewId" => f => values.Contains(f.DataSetViewId),
        _ => throw new InvalidOperationException($"Dataset files have no column for '{property}'."),
    };
}
