using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>Catalog's view of batches: list, look up, the last batch of each dataset, and Catalog's own
/// <c>POST /batches</c> (catalog.yaml <c>createBatch</c>). Files and status changes belong to Batch Ingestion.</summary>
public sealed class BatchService(IBatchStore batches, IDatasetStore datasets, ISandboxStore sandboxes, TimeProvider clock)
{
    /// <summary>Properties of a Catalog batch request that only ingestion sets: a new batch starts empty, in <c>loading</c>.</summary>
    private static readonly string[] LifecycleFields = ["started", "completed", "metrics", "errors", "recordCount", "failedRecordCount", "size"];

    public Task<JsonObject> ListAsync(CatalogQuery query, CancellationToken ct) =>
        CatalogLookup.ListAsync(query, batches.Columns, q => batches.QueryAsync(q, ct), b => b.Id, b => b.ToJson());

    public async Task<JsonObject> GetAsync(string idSegment, CatalogQuery projection, CancellationToken ct)
    {
        var ids = CatalogLookup.Ids(idSegment);
        var found = ids.Count == 0 ? [] : await batches.FindManyAsync(ids, ct);
        return CatalogLookup.Keyed(ids, found, b => b.Id, b => b.ToJson(), projection, "batches", idSegment);
    }

    /// <summary><c>GET /batches/uniques/{FIELD}</c> (catalog.yaml <c>retrieveUniqueBatchValues</c>, "to be deprecated"): the
    /// distinct values of one top-level field among the batches the query's filters select, in order, paged by
    /// <c>start</c>/<c>limit</c>.</summary>
    public async Task<JsonArray> UniquesAsync(string field, CatalogQuery query, CancellationToken ct)
    {
        if (!CatalogQuery.IsPropertyName(field))
        {
            throw new AepException(ErrorCatalog.Catalog.InvalidQuery, $"'{Short(field)}' is not a top-level batch property: use a name such as status or createdUser.");
        }

        var storeQuery = query.ForStore(batches.Columns) with { OrderBy = null, Skip = 0, Take = 0 };
        var values = (await batches.QueryAsync(storeQuery, ct))
            .Select(b => b.ToJson())
            .Where(b => query.Filters.All(f => f.Matches(b["id"]!.GetValue<string>(), b)))
            .Select(b => CatalogValues.Text(b[field]))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Skip(query.Start)
            .Take(query.Limit);
        return new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
    }

    /// <summary><c>POST /batches</c> on Catalog: a batch in <c>loading</c> for the dataset named in <c>relatedObjects</c>.</summary>
    /// <remarks>With <paramref name="id"/> it is catalog.yaml's <c>createBatchWithId</c> (<c>POST /batches/{BATCH_ID}</c>): the
    /// batch gets that id, which must be unused in the sandbox.</remarks>
    public async Task<Batch> CreateAsync(TenantKey tenant, CatalogAuthor author, JsonObject body, CancellationToken ct, string? id = null)
    {
        if (id is not null)
        {
            if (!CatalogIds.IsPlausible(id) || id.Length > 64)
            {
                throw CatalogJson.Invalid($"'{Short(id)}' cannot be a batch id: use up to 64 letters, digits, '-', '_' or '.'.");
            }

            if (await batches.FindAsync(id, ct) is not null)
            {
                throw CatalogJson.Invalid($"A batch with id '{id}' already exists in this sandbox: update it with PUT or PATCH /batches/{id}, or choose another id.");
            }
        }

        CatalogJson.EnsureUnambiguous(body);
        foreach (var (key, value) in body)
        {
            CatalogJson.EnsureStorable(value, key);
        }

        var status = CatalogJson.OptionalString(body["status"], "status");
        if (status is not null and not "loading")
        {
            throw CatalogJson.Invalid($"Field 'status' is '{Short(status)}': a batch starts in 'loading' and moves on through the Batch Ingestion API (POST /data/foundation/import/batches/{{BATCH_ID}}?action=COMPLETE or ABORT).");
        }

        foreach (var field in LifecycleFields.Where(f => body[f] is not null))
        {
            throw CatalogJson.Invalid($"Field '{field}' is set by ingestion, not by the producer: leave it out of the new batch.");
        }

        var related = RelatedObjects(body["relatedObjects"]);
        var dataSetIds = related.Where(r => r.Type == BatchRelatedObject.DataSet).Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        if (dataSetIds.Count != 1)
        {
            throw CatalogJson.Invalid($"Field 'relatedObjects' names {dataSetIds.Count} datasets: a batch loads exactly one, e.g. [{{\"type\":\"dataSet\",\"id\":\"{{DATASET_ID}}\"}}].");
        }

        var dataset = (CatalogIds.IsPlausible(dataSetIds[0]) ? await datasets.FindAsync(dataSetIds[0], ct) : null)
            ?? throw CatalogJson.Invalid($"Field 'relatedObjects' names dataset '{Short(dataSetIds[0])}', which does not exist in this sandbox: create it first with POST /dataSets.");
        var externalId = CatalogJson.OptionalString(body["externalId"], "externalId");
        if (externalId is { Length: 0 or > 256 })
        {
            throw CatalogJson.Invalid("Field 'externalId' must be 1 to 256 characters long.");
        }

        var sandbox = await sandboxes.FindAsync(tenant.Sandbox, ct);
        var batch = Batch.Create(
            tenant,
            sandbox?.Id.ToString() ?? "",
            dataset.Id,
            BatchInputFormat.Parse(body["inputFormat"]),
            CatalogTags.Parse(body["tags"]),
            author,
            clock.GetUtcNow(),
            externalId,
            [.. related.Where(r => r.Type != BatchRelatedObject.DataSet)],
            id: id);
        dataset.TrackBatch(batch);
        await batches.AddAsync(batch, ct);
        try
        {
            await datasets.SaveAsync(dataset, ct);
        }
        catch (CatalogConcurrencyException)
        {
            // The dataset changed meanwhile: its last-batch fields are refreshed on the batch's next status change.
        }

        return batch;
    }

    /// <summary>Catalog <c>PUT</c> (<paramref name="replace"/>) and <c>PATCH /batches/{BATCH_ID}</c> (catalog.yaml
    /// <c>updateBatch</c>, <c>patchBatch</c>): the producer's tags, related objects besides the dataset, and (while
    /// loading) the input format change; every other field may be sent only as it is (a GET-modify-PUT round trip), since
    /// status, counts and times move through Batch Ingestion [unverified: AEP documents no rule]. PUT replaces the tags
    /// and related objects (the ingestion's own <c>acp_</c> tags stay) and, as the spec requires, carries <c>status</c>;
    /// PATCH changes the fields it names, tags key by key.</summary>
    public async Task<Batch> UpdateAsync(string id, JsonObject body, bool replace, CatalogAuthor author, CancellationToken ct)
    {
        CatalogJson.EnsureUnambiguous(body);
        foreach (var (key, value) in body)
        {
            CatalogJson.EnsureStorable(value, key);
        }

        var batch = (CatalogIds.IsPlausible(id) ? await batches.FindAsync(id, ct) : null)
            ?? throw new AepException(ErrorCatalog.Catalog.NotFound, $"No batch with id '{Short(id)}' exists in this sandbox: list them with GET /batches.");
        if (replace && body["status"] is null)
        {
            throw CatalogJson.Invalid($"Field 'status' is required in a PUT (catalog.yaml batchRequest): send the batch's current status, '{batch.Status.ToWire()}'.");
        }

        var current = batch.ToJson();
        foreach (var (key, value) in body)
        {
            if (key is "tags" or "relatedObjects" or "inputFormat" || JsonNode.DeepEquals(value, current[key]))
            {
                continue;
            }

            throw CatalogJson.Invalid(key == "status"
                ? $"Field 'status' is '{Short(value?.ToJsonString() ?? "null")}', the batch is '{batch.Status.ToWire()}': status moves through the Batch Ingestion API (POST /data/foundation/import/batches/{batch.Id}?action=COMPLETE, ABORT or REVERT)."
                : $"Field '{Short(key)}' cannot be changed through Catalog: only tags, relatedObjects (besides the dataset) and, while the batch is loading, inputFormat can; send other fields as GET returns them or leave them out.");
        }

        var producerTags = body["tags"] is null ? (replace ? CatalogTags.None : batch.Tags) : Merge(batch.Tags, CatalogTags.Parse(body["tags"]), replace);
        var ingestionTags = batch.Tags.All.Where(t => t.Key.StartsWith("acp_", StringComparison.Ordinal)).ToList();
        var wrongIngestionTag = producerTags.All.FirstOrDefault(t => t.Key.StartsWith("acp_", StringComparison.Ordinal)
            && !ingestionTags.Any(i => i.Key == t.Key && i.Value.SequenceEqual(t.Value, StringComparer.Ordinal)));
        if (wrongIngestionTag.Key is { } reserved)
        {
            throw CatalogJson.Invalid($"Tag '{reserved}' is set by batch ingestion and cannot be changed through Catalog.");
        }

        var tags = ingestionTags.Aggregate(producerTags, (t, i) => t.With(i.Key, i.Value));
        var others = batch.OtherRelatedObjects;
        if (body["relatedObjects"] is { } relatedNode)
        {
            var related = RelatedObjects(relatedNode);
            if (related.Any(r => r.Type == BatchRelatedObject.DataSet && !string.Equals(r.Id, batch.DataSetId, StringComparison.Ordinal)))
            {
                throw CatalogJson.Invalid($"Field 'relatedObjects' names another dataset: batch {batch.Id} loads dataset {batch.DataSetId} and always will.");
            }

            others = [.. related.Where(r => r.Type != BatchRelatedObject.DataSet)];
        }
        else if (replace)
        {
            others = [];
        }

        var inputFormat = body["inputFormat"] is { } format ? BatchInputFormat.Parse(format) : batch.InputFormat;
        try
        {
            batch.Describe(tags, others, inputFormat, author, clock.GetUtcNow());
            await batches.SaveAsync(ct);
        }
        catch (BatchStatusConflictException)
        {
            throw CatalogJson.Invalid($"Field 'inputFormat' can change only while the batch is loading; batch {batch.Id} is {batch.Status.ToWire()}.");
        }
        catch (CatalogConcurrencyException)
        {
            throw new AepException(ErrorCatalog.Catalog.PreconditionFailed, $"Batch {batch.Id} was changed by another request while this one ran: read it again and retry.");
        }

        return batch;
    }

    /// <summary>Catalog <c>DELETE /batches/{BATCH_ID}</c>, deprecated in catalog.yaml for Batch Ingestion's REVERT: a
    /// finished batch's data is removed as REVERT removes it and the batch is listed as <c>deleted</c>; an aborted or
    /// reverted batch just becomes <c>deleted</c>. A batch still loading or processing is refused: abort it first.</summary>
    public async Task<Batch> DeleteAsync(string id, CatalogAuthor author, CancellationToken ct)
    {
        var batch = (CatalogIds.IsPlausible(id) ? await batches.FindAsync(id, ct) : null)
            ?? throw new AepException(ErrorCatalog.Catalog.NotFound, $"No batch with id '{Short(id)}' exists in this sandbox: list them with GET /batches.");
        var now = clock.GetUtcNow();
        try
        {
            switch (batch.Status)
            {
                case BatchStatus.Success or BatchStatus.Failed:
                    await batches.RevertAsync(batch, author, now, ct);
                    break;
                case BatchStatus.Inactive or BatchStatus.Aborted or BatchStatus.Deleted:
                    break;
                default:
                    throw CatalogJson.Invalid($"Batch {batch.Id} is {batch.Status.ToWire()}: abort it first (POST /data/foundation/import/batches/{batch.Id}?action=ABORT), then delete it.");
            }

            batch.MarkDeleted(now);
            await batches.SaveAsync(ct);
        }
        catch (CatalogConcurrencyException)
        {
            throw new AepException(ErrorCatalog.Catalog.PreconditionFailed, $"Batch {batch.Id} was changed by another request while this one ran: read it again and retry.");
        }

        if (await datasets.FindAsync(batch.DataSetId, ct) is { } dataset)
        {
            dataset.TrackBatch(batch);
            try
            {
                await datasets.SaveAsync(dataset, ct);
            }
            catch (CatalogConcurrencyException)
            {
            }
        }

        return batch;
    }

    private static CatalogTags Merge(CatalogTags existing, CatalogTags given, bool replace) =>
        replace ? given : given.All.Aggregate(existing, (t, g) => t.With(g.Key, g.Value));

    /// <summary><c>GET /lastBatches</c>: per dataset with batches, its last batch, last successful and last failed
    /// batch (catalog.yaml <c>lastBatchesResponse</c>), keyed by dataset id.</summary>
    public async Task<JsonObject> LastBatchesAsync(CatalogQuery query, CancellationToken ct)
    {
        var ids = query.Filters.OfType<IdFilter>().FirstOrDefault()?.Ids;
        var candidates = ids is null
            ? await datasets.QueryAsync(new CatalogStoreQuery(), ct)
            : await datasets.FindManyAsync([.. ids.Where(CatalogIds.IsPlausible)], ct);
        var withBatches = candidates.Where(d => d.LastBatchId is not null).ToList();
        var lastBatches = (await batches.FindManyAsync([.. withBatches.Select(d => d.LastBatchId!)], ct)).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var entries = withBatches.Select(d =>
        {
            var json = new JsonObject
            {
                ["lastBatchId"] = d.LastBatchId,
                ["lastBatchStatus"] = d.LastBatchStatus?.ToWire(),
            };
            if (d.LastSuccessfulBatch is not null)
            {
                json["lastSuccessfulBatchId"] = d.LastSuccessfulBatch;
            }

            if (d.LastFailedBatch is not null)
            {
                json["lastFailedBatchId"] = d.LastFailedBatch;
            }

            json["imsOrg"] = d.ImsOrg;
            json["sandboxId"] = d.SandboxId;
            if (lastBatches.TryGetValue(d.LastBatchId!, out var last))
            {
                json["created"] = last.Created;
                json["updated"] = last.Updated;
            }

            return new KeyValuePair<string, JsonObject>(d.Id, json);
        });
        return query.ToResponse(query.Apply(entries));
    }

    private static List<BatchRelatedObject> RelatedObjects(JsonNode? node)
    {
        if (node is not JsonArray items || items.Count is 0 or > 100)
        {
            throw CatalogJson.Invalid("Field 'relatedObjects' is required: an array holding the dataset the batch loads, e.g. [{\"type\":\"dataSet\",\"id\":\"{DATASET_ID}\"}].");
        }

        var related = new List<BatchRelatedObject>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"relatedObjects[{i}]";
            if (items[i] is not JsonObject item)
            {
                throw CatalogJson.Invalid($"Field '{path}' must be an object {{\"type\":...,\"id\":...}}; it is {CatalogJson.Kind(items[i])}.");
            }

            var type = CatalogJson.OptionalString(item["type"], path + ".type");
            if (type is null || !BatchRelatedObject.Types.Contains(type, StringComparer.Ordinal))
            {
                throw CatalogJson.Invalid($"Field '{path}.type' must be one of {string.Join(", ", BatchRelatedObject.Types)}.");
            }

            var id = CatalogJson.OptionalString(item["id"], path + ".id");
            if (id is null || !CatalogIds.IsPlausible(id))
            {
                throw CatalogJson.Invalid($"Field '{path}.id' must be the id of a Catalog object (letters, digits, '-', '_' or '.').");
            }

            var tag = item["tag"] is { } t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
            related.Add(new BatchRelatedObject(type, id, tag is { Length: <= 64 } ? tag : null));
        }

        return related;
    }

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
