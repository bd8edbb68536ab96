using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;

namespace ProfilePlatform.Domain.Tests.Fakes;

/// <summary>Catalog stores in memory for one tenant, honouring the store contracts (equality conditions, created range,
/// paging by the given keys then id).</summary>
public sealed class InMemoryCatalogStores : IDatasetStore, IBatchStore, IDataSetFileStore
{
    private readonly List<Dataset> _datasets = [];
    private readonly List<Batch> _batches = [];
    private readonly List<DataSetFile> _files = [];

    public InMemoryCatalogStores(IEnumerable<IDatasetDataEraser>? erasers = null) => Erasers = [.. erasers ?? []];

    public List<IDatasetDataEraser> Erasers { get; }

    public IReadOnlyList<Dataset> Datasets => _datasets;

    public IReadOnlyList<Batch> Batches => _batches;

    public IReadOnlyList<DataSetFile> Files => _files;

    /// <summary>Every store query received, to check what was pushed down.</summary>
    public List<CatalogStoreQuery> Queries { get; } = [];

    public int Saves { get; private set; }

    /// <summary>When set, the next save throws as if another writer won.</summary>
    public bool FailNextSaveWithConflict { get; set; }

    CatalogColumns IDatasetStore.Columns { get; } = new(Set("id", "name"), Set("created", "updated"));

    CatalogColumns IBatchStore.Columns { get; } = new(Set("id", "dataSet", "status"), Set("created", "updated"));

    CatalogColumns IDataSetFileStore.Columns { get; } = new(Set("id", "dataSetId", "batchId", "dataSetViewId"), Set("created", "updated"));

    public DatasetFileEraser FileEraser => new(this);

    public DatasetBatchEraser BatchEraser => new(this);

    Task<Dataset?> IDatasetStore.FindAsync(string id, CancellationToken ct) => Task.FromResult(_datasets.FirstOrDefault(d => d.Id == id));

    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> IDatasetStore.DatasetsBySchemaAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(_datasets.GroupBy(d => d.SchemaId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(d => d.Id).ToList()));

    Task<IReadOnlyList<Dataset>> IDatasetStore.FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Dataset>>([.. _datasets.Where(d => ids.Contains(d.Id))]);

    Task<IReadOnlyList<Dataset>> IDatasetStore.QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Dataset>>(Run(query, _datasets, d => d.Id, d => d.Created, d => d.Updated, (d, p) => p switch
        {
            "id" => d.Id,
            "name" => d.Name,
            _ => throw new ArgumentException(p),
        }));

    public Task AddAsync(Dataset dataset, CancellationToken ct)
    {
        _datasets.Add(dataset);
        return Task.CompletedTask;
    }

    public Task SaveAsync(Dataset dataset, CancellationToken ct) => Save();

    public async Task DeleteAsync(Dataset dataset, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var eraser in Erasers)
        {
            await eraser.EraseAsync(dataset, now, ct);
        }

        _datasets.Remove(dataset);
    }

    Task<Batch?> IBatchStore.FindAsync(string id, CancellationToken ct) => Task.FromResult(_batches.FirstOrDefault(b => b.Id == id));

    Task<IReadOnlyList<Batch>> IBatchStore.FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Batch>>([.. _batches.Where(b => ids.Contains(b.Id))]);

    Task<IReadOnlyList<Batch>> IBatchStore.QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Batch>>(Run(query, _batches, b => b.Id, b => b.Created, b => b.Updated, (b, p) => p switch
        {
            "id" => b.Id,
            "dataSet" => b.DataSetId,
            "status" => b.Status.ToWire(),
            _ => throw new ArgumentException(p),
        }));

    public Task<IReadOnlyList<Batch>> ListForDataSetAsync(string dataSetId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Batch>>([.. _batches.Where(b => b.DataSetId == dataSetId)]);

    public Task AddAsync(Batch batch, CancellationToken ct)
    {
        _batches.Add(batch);
        return Task.CompletedTask;
    }

    public Task SaveAsync(CancellationToken ct) => Save();

    /// <summary>REVERT as the store does it, with the dataset files as the only data kept here.</summary>
    public async Task RevertAsync(Batch batch, CatalogAuthor? by, DateTimeOffset now, CancellationToken ct)
    {
        batch.Revert(by, now);
        await DeleteForBatchAsync(batch.Id, ct);
        await Save();
    }

    Task<IReadOnlyList<DataSetFile>> IDataSetFileStore.FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DataSetFile>>([.. _files.Where(f => ids.Contains(f.Id))]);

    Task<IReadOnlyList<DataSetFile>> IDataSetFileStore.QueryAsync(CatalogStoreQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DataSetFile>>(Run(query, _files, f => f.Id, f => f.Created, f => f.Updated, (f, p) => p switch
        {
            "id" => f.Id,
            "dataSetId" => f.DataSetId,
            "batchId" => f.BatchId,
            "dataSetViewId" => f.DataSetViewId,
            _ => throw new ArgumentException(p),
        }));

    public Task AddAsync(DataSetFile file, CancellationToken ct)
    {
        _files.Add(file);
        return Task.CompletedTask;
    }

    public Task<int> DeleteForDataSetAsync(string dataSetId, CancellationToken ct) => Task.FromResult(_files.RemoveAll(f => f.DataSetId == dataSetId));

    public Task<int> DeleteForBatchAsync(string batchId, CancellationToken ct) => Task.FromResult(_files.RemoveAll(f => f.BatchId == batchId));

    private Task Save()
    {
        Saves++;
        if (FailNextSaveWithConflict)
        {
            FailNextSaveWithConflict = false;
            throw new CatalogConcurrencyException("another writer won");
        }

        return Task.CompletedTask;
    }

    private List<T> Run<T>(CatalogStoreQuery query, List<T> rows, Func<T, string> id, Func<T, long> created, Func<T, long> updated, Func<T, string, string?> column)
    {
        Queries.Add(query);
        var result = rows.Where(r =>
            (query.CreatedAfter is not { } a || created(r) > a)
            && (query.CreatedBefore is not { } b || created(r) < b)
            && query.Equal.All(e => column(r, e.Key) is { } v && e.Value.Contains(v)));
        if (!query.IsPaged)
        {
            return [.. result];
        }

        IOrderedEnumerable<T>? ordered = null;
        foreach (var key in query.OrderBy!)
        {
            Func<T, long> select = key.Property == "created" ? created : updated;
            ordered = ordered is null
                ? (key.Descending ? result.OrderByDescending(select) : result.OrderBy(select))
                : (key.Descending ? ordered.ThenByDescending(select) : ordered.ThenBy(select));
        }

        return [.. ordered!.ThenBy(id, StringComparer.Ordinal).Skip(query.Skip).Take(query.Take)];
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}

/// <summary>An <see cref="ICatalogSchemaLookup"/> holding the schemas a test declares.</summary>
public sealed class FakeSchemaLookup : ICatalogSchemaLookup
{
    private readonly Dictionary<string, CatalogSchema> _schemas = new(StringComparer.Ordinal);

    public FakeSchemaLookup With(string id, bool profileEnabled, string? altId = null)
    {
        var schema = new CatalogSchema(id, "https://ns.adobe.com/xdm/context/profile", profileEnabled);
        _schemas[id] = schema;
        if (altId is not null)
        {
            _schemas[altId] = schema;
        }

        return this;
    }

    public Task<CatalogSchema?> FindAsync(string schemaId, CancellationToken ct) =>
        Task.FromResult(_schemas.GetValueOrDefault(schemaId));
}
