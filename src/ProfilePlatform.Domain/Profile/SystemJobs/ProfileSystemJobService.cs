using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Profile.SystemJobs;

/// <summary>The Profile system jobs API (profile.yaml <c>/ups/system/jobs</c>, help/profile/api/profile-system-jobs.md):
/// create a delete request for a dataset or an ExperienceEvent batch, list, look up and remove requests. The work is done
/// in the background (<see cref="ProfileSystemJobExecutor"/> run by the store's worker).</summary>
public sealed class ProfileSystemJobService(
    IProfileSystemJobStore store,
    IDatasetStore datasets,
    IBatchStore batches,
    ProfileDataKindResolver kinds,
    IProfileSystemJobWakeup wakeup,
    TimeProvider clock)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly string[] SortFields = ["createEpoch", "updateEpoch", "id", "requestId", "batchId", "dataSetId", "status", "jobType", "requestType"];

    /// <summary><c>POST /system/jobs</c> with <c>{"dataSetId"}</c> (or <c>datasetId</c>, as the guide writes it) and/or
    /// <c>{"batchId"}</c>.</summary>
    public async Task<JsonObject> CreateAsync(TenantKey tenant, JsonNode? body, CancellationToken ct)
    {
        if (body is not JsonObject request)
        {
            throw Invalid("The body must be a JSON object naming \"dataSetId\" (delete the dataset's Profile data) or \"batchId\" (delete an ExperienceEvent batch).");
        }

        var datasetId = Text(request, "dataSetId") ?? Text(request, "datasetId");
        var batchId = Text(request, "batchId");
        if (datasetId is null && batchId is null)
        {
            throw Invalid("Name the data to delete: \"dataSetId\" for a dataset, or \"batchId\" for a batch of an ExperienceEvent dataset.");
        }

        Dataset dataset;
        if (batchId is not null)
        {
            var batch = (CatalogIds.IsPlausible(batchId) ? await batches.FindAsync(batchId, ct) : null)
                ?? throw new AepException(ErrorCatalog.ProfileSystemJobs.BatchNotFound, $"No batch '{Short(batchId)}' exists in this sandbox: list them with GET /data/foundation/catalog/batches.");
            if (datasetId is not null && datasetId != batch.DataSetId)
            {
                throw Invalid($"Batch {batch.Id} belongs to dataset {batch.DataSetId}, not '{Short(datasetId)}': send the batch's dataset, or only \"batchId\".");
            }

            dataset = await datasets.FindAsync(batch.DataSetId, ct)
                ?? throw new AepException(ErrorCatalog.Profile.DatasetNotFound, $"The dataset {batch.DataSetId} of batch {batch.Id} no longer exists.");
            if (await kinds.KindOfAsync(dataset.SchemaId, ct) != ProfileDataKind.ExperienceEvent)
            {
                throw new AepException(ErrorCatalog.ProfileSystemJobs.RecordBatch, $"Batch can only be specified for EE type '{batch.Id}': dataset {dataset.Id} holds record data, whose batches overwrite earlier records and cannot be deleted one by one. Delete the dataset's Profile data with {{\"dataSetId\"}}, or ingest corrected records.");
            }
        }
        else
        {
            dataset = (CatalogIds.IsPlausible(datasetId) ? await datasets.FindAsync(datasetId!, ct) : null)
                ?? throw new AepException(ErrorCatalog.Profile.DatasetNotFound, $"No dataset '{Short(datasetId!)}' exists in this sandbox: list them with GET /data/foundation/catalog/dataSets.");
        }

        var type = batchId is null ? ProfileSystemJobType.TruncateDataset : ProfileSystemJobType.DeleteEeBatch;
        var duplicate = (await store.ListAsync(ct)).FirstOrDefault(j => j.IsActive && j.DatasetId == dataset.Id && j.BatchId == batchId);
        if (duplicate is not null)
        {
            throw new AepException(ErrorCatalog.ProfileSystemJobs.AlreadyExists, $"Delete request {duplicate.Id} for {(batchId is null ? "dataset " + dataset.Id : "batch " + batchId)} is still {ProfileSystemJob.WireStatus(duplicate.Status)}: follow it with GET /system/jobs/{duplicate.Id}.");
        }

        var job = ProfileSystemJob.Create(tenant.ImsOrg, tenant.Sandbox, type, dataset.Id, batchId, clock.GetUtcNow());
        await store.AddAsync(job, ct);
        wakeup.Raise();
        return job.ToJson();
    }

    public async Task<JsonObject> GetAsync(string id, CancellationToken ct) => (await FindAsync(id, ct)).ToJson();

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        var job = await FindAsync(id, ct);
        if (!await store.DeleteAsync(job.Id, ct))
        {
            throw NotFound(id);
        }
    }

    /// <summary><c>GET /system/jobs?start=&amp;limit=&amp;page=&amp;sort=</c>: <c>start</c> (or <c>page</c>) is the zero-based
    /// page number (the guide: <c>start=1&amp;limit=10</c> returns records 10–19); default order is creation time.</summary>
    public async Task<JsonObject> ListAsync(IReadOnlyDictionary<string, string?> query, CancellationToken ct)
    {
        var limit = Number(query, "limit", DefaultLimit, 1, MaxLimit);
        var start = Number(query, "start", Number(query, "page", 0, 0, int.MaxValue), 0, int.MaxValue);
        var jobs = Sort(await store.ListAsync(ct), query.GetValueOrDefault("sort"));
        var offset = (long)start * limit;
        var page = jobs.Skip((int)Math.Min(offset, int.MaxValue)).Take(limit).ToList();
        var meta = new JsonObject
        {
            ["count"] = page.Count,
            ["totalCount"] = jobs.Count,
            ["pageSize"] = limit,
            ["start"] = start.ToString(CultureInfo.InvariantCulture),
        };
        if (offset + page.Count < jobs.Count)
        {
            meta["next"] = (start + 1).ToString(CultureInfo.InvariantCulture);
        }

        return new JsonObject
        {
            ["_page"] = meta,
            ["children"] = new JsonArray([.. page.Select(j => (JsonNode)j.ToJson())]),
        };
    }

    private static List<ProfileSystemJob> Sort(IReadOnlyList<ProfileSystemJob> jobs, string? sort)
    {
        var ordered = jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
        if (string.IsNullOrEmpty(sort))
        {
            return ordered;
        }

        var parts = sort.Split(':');
        var field = parts[0];
        var direction = parts.Length > 1 ? parts[1] : "asc";
        if (parts.Length > 2 || !SortFields.Contains(field, StringComparer.Ordinal) || direction is not ("asc" or "desc"))
        {
            throw new AepException(ErrorCatalog.ProfileSystemJobs.InvalidQuery, $"sort '{Short(sort)}' is not {{field}}:asc or {{field}}:desc with a field of {string.Join(", ", SortFields)}.");
        }

        Func<ProfileSystemJob, string> key = field switch
        {
            "createEpoch" => j => j.CreatedAt.ToString("D20", CultureInfo.InvariantCulture),
            "updateEpoch" => j => j.UpdatedAt.ToString("D20", CultureInfo.InvariantCulture),
            "batchId" => j => j.BatchId ?? "",
            "dataSetId" => j => j.DatasetId,
            "status" => j => ProfileSystemJob.WireStatus(j.Status),
            "jobType" or "requestType" => j => ProfileSystemJob.WireType(j.Type),
            _ => j => j.Id,
        };
        return direction == "asc"
            ? [.. ordered.OrderBy(key, StringComparer.Ordinal)]
            : [.. ordered.OrderByDescending(key, StringComparer.Ordinal)];
    }

    private async Task<ProfileSystemJob> FindAsync(string id, CancellationToken ct) =>
        (id.Length <= 64 ? await store.FindAsync(id, ct) : null) ?? throw NotFound(id);

    private static int Number(IReadOnlyDictionary<string, string?> query, string name, int fallback, int min, int max)
    {
        if (!query.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new AepException(ErrorCatalog.ProfileSystemJobs.InvalidQuery, $"{name} '{Short(text)}' must be a whole number from {min} to {max}.");
    }

    private static string? Text(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s
            : throw Invalid($"\"{name}\" must be a non-empty string id.");
    }

    private static AepException Invalid(string message) => new(ErrorCatalog.ProfileSystemJobs.InvalidRequest, message);

    private static AepException NotFound(string id) =>
        new(ErrorCatalog.ProfileSystemJobs.JobNotFound, $"No delete request '{Short(id)}' exists in this sandbox: list them with GET /system/jobs.");

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
