using System.Collections.Concurrent;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>A dataset messages are streamed to, with the check of its schema.</summary>
public sealed record StreamingTarget(string DatasetId, string SchemaId, bool ProfileEnabled, RecordCheck Check);

/// <summary>Datasets and their schema checks, reused for <see cref="StreamingLimits.TargetCacheSeconds"/> so that a message
/// does not look its dataset and schema up again (a process-wide singleton; entries are per tenant).</summary>
public sealed class StreamingTargetCache
{
    internal ConcurrentDictionary<(string ImsOrg, string Sandbox, string DatasetId), (StreamingTarget Target, long Expires)> Entries { get; } = new();

    /// <summary>Forgets the tenant's targets (e.g. after a dataset was deleted on this node).</summary>
    public void Forget(TenantKey tenant)
    {
        foreach (var key in Entries.Keys.Where(k => k.ImsOrg == tenant.ImsOrg && k.Sandbox == tenant.Sandbox))
        {
            Entries.TryRemove(key, out _);
        }
    }
}

/// <summary>Resolves the dataset a message names, in the inlet's tenancy (scoped: uses the request's stores).</summary>
/// <remarks>The stores are resolved only on a cache miss: a message whose dataset is cached costs no store context.</remarks>
public sealed class StreamingTargets(IServiceProvider services, StreamingTargetCache cache, StreamingLimits limits, TimeProvider clock)
{
    /// <summary>The dataset and its check; a <see cref="StreamingMessageException"/> when the sandbox has no such dataset or
    /// its schema cannot validate.</summary>
    public async Task<StreamingTarget> ResolveAsync(TenantKey tenant, string datasetId, CancellationToken ct)
    {
        var key = (tenant.ImsOrg, tenant.Sandbox, datasetId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (cache.Entries.TryGetValue(key, out var hit) && hit.Expires > now)
        {
            return hit.Target;
        }

        var datasets = (IDatasetStore)services.GetService(typeof(IDatasetStore))!;
        var schemas = (IngestionSchemaSource)services.GetService(typeof(IngestionSchemaSource))!;
        var dataset = (CatalogIds.IsPlausible(datasetId) ? await datasets.FindAsync(datasetId, ct) : null)
            ?? throw new StreamingMessageException($"Dataset '{StreamingEnvelope.Short(datasetId)}' named in 'header.datasetId' does not exist in sandbox {tenant.Sandbox} of the inlet: create it with POST /data/foundation/catalog/dataSets.");
        RecordCheck check;
        try
        {
            check = await schemas.ForDatasetAsync(tenant, dataset, ct);
        }
        catch (AepException ex)
        {
            throw new StreamingMessageException($"The schema {dataset.SchemaId} of dataset {dataset.Id} cannot validate records: {ex.Message}");
        }

        var target = new StreamingTarget(dataset.Id, dataset.SchemaId, dataset.Tags.ProfileEnabled, check);
        cache.Entries[key] = (target, now + (long)(limits.TargetCacheSeconds * 1000));
        return target;
    }
}
