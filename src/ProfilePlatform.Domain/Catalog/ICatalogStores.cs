using ProfilePlatform.Domain.Catalog.Query;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Datasets of the current organization and sandbox (the store scopes every call to the tenancy).</summary>
public interface IDatasetStore
{
    /// <summary>What the store filters and sorts on itself (see <see cref="CatalogQuery.ForStore"/>).</summary>
    CatalogColumns Columns { get; }

    Task<Dataset?> FindAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Dataset>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    /// <summary>The datasets meeting the store part of a query, paged when <see cref="CatalogStoreQuery.IsPaged"/>.</summary>
    Task<IReadOnlyList<Dataset>> QueryAsync(CatalogStoreQuery query, CancellationToken ct);

    Task AddAsync(Dataset dataset, CancellationToken ct);

    /// <summary>The datasets of each schema that has any, by schema <c>$id</c>.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DatasetsBySchemaAsync(CancellationToken ct);

    /// <summary>Saves changes to a dataset read from this store; throws <see cref="CatalogConcurrencyException"/> when
    /// another writer changed it since it was read.</summary>
    Task SaveAsync(Dataset dataset, CancellationToken ct);

    /// <summary>Deletes the dataset and, in the same transaction, everything every <see cref="IDatasetDataEraser"/> keeps for it.</summary>
    Task DeleteAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Batches of the current organization and sandbox.</summary>
public interface IBatchStore
{
    CatalogColumns Columns { get; }

    Task<Batch?> FindAsync(string id, CancellationToken ct);

    Task<IReadOnlyList<Batch>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<IReadOnlyList<Batch>> QueryAsync(CatalogStoreQuery query, CancellationToken ct);

    Task<IReadOnlyList<Batch>> ListForDataSetAsync(string dataSetId, CancellationToken ct);

    Task AddAsync(Batch batch, CancellationToken ct);

    /// <summary>REVERT (help/ingestion/batch-ingestion/api-overview.md "Delete a batch"): the batch becomes
    /// <c>inactive</c> and every <see cref="IBatchDataEraser"/> removes what it keeps for it, in one transaction — the
    /// caller's when one is open (a replaying batch reverts its predecessors while it commits), else its own.</summary>
    Task RevertAsync(Batch batch, CatalogAuthor? by, DateTimeOffset now, CancellationToken ct);

    /// <summary>Saves changes to batches read from this store; throws <see cref="CatalogConcurrencyException"/> when another
    /// writer changed one since it was read.</summary>
    Task SaveAsync(CancellationToken ct);
}

/// <summary>Dataset files of the current organization and sandbox.</summary>
public interface IDataSetFileStore
{
    CatalogColumns Columns { get; }

    Task<IReadOnlyList<DataSetFile>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<IReadOnlyList<DataSetFile>> QueryAsync(CatalogStoreQuery query, CancellationToken ct);

    Task AddAsync(DataSetFile file, CancellationToken ct);

    /// <summary>Removes every file record of a dataset; returns how many.</summary>
    Task<int> DeleteForDataSetAsync(string dataSetId, CancellationToken ct);

    /// <summary>Removes the file records one batch landed; returns how many.</summary>
    Task<int> DeleteForBatchAsync(string batchId, CancellationToken ct);
}

/// <summary>Something the platform keeps for a dataset that must go when the dataset is deleted: its files and
/// batches here, its profile fragments once Profile exists. Every registered eraser runs inside the deletion's
/// transaction, so a deletion removes all or nothing.</summary>
public interface IDatasetDataEraser
{
    Task EraseAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct);
}

/// <summary>Another writer changed a Catalog object between this request's read and its write.</summary>
public sealed class CatalogConcurrencyException : Exception
{
    public CatalogConcurrencyException()
    {
    }

    public CatalogConcurrencyException(string message)
        : base(message)
    {
    }

    public CatalogConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
