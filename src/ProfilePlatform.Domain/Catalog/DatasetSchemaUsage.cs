using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Tells the Schema Registry which schemas the sandbox's datasets use, so it locks them against breaking changes.</summary>
public sealed class DatasetSchemaUsage(IDatasetStore datasets) : IXdmSchemaUsage
{
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DatasetsBySchemaAsync(CancellationToken ct) => datasets.DatasetsBySchemaAsync(ct);
}
