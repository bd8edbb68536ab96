using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>A batch: one load of files into one dataset, tracked by Catalog from creation to its final status
/// (help/catalog/api/create-batch.md, help/ingestion/batch-ingestion/api-overview.md).</summary>
/// <remarks>
/// <para>Status changes happen only through the methods here, each checking the move is allowed and stamping
/// <c>updated</c>, <c>version</c> and the times AEP reports (<c>started</c> when processing begins, <c>completed</c> at
/// the end). A refused move throws <see cref="BatchStatusConflictException"/>; the ingestion API maps it to its error.</para>
/// <para><see cref="Version"/> changes with every write and is the store's concurrency token: two writers racing on
/// one batch (two workers, an ABORT during processing) cannot both win.</para>
/// </remarks>
public sealed class Batch : ITenantOwned
{
    private Batch()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>A ULID (<see cref="CatalogIds.NewUlid"/>).</summary>
    public string Id { get; private set; } = "";

    public string SandboxId { get; private set; } = "";

    /// <summary>The dataset the batch loads (its <c>dataSet</c> related object).</summary>
    public string DataSetId { get; private set; } = "";

    public BatchStatus Status { get; private set; }

    /// <summary>The producer's own id for the batch; the batch id unless the producer gave one.</summary>
    public string ExternalId { get; private set; } = "";

    public BatchInputFormat InputFormat { get; private set; } = BatchInputFormat.Default;

    public CatalogTags Tags { get; private set; } = CatalogTags.None;

    /// <summary>The batches this one replaces, when it was created as a replay.</summary>
    public BatchReplay? Replay { get; private set; }

    /// <summary>Related objects besides the dataset (predecessor batches, views...).</summary>
    public IReadOnlyList<BatchRelatedObject> OtherRelatedObjects { get; private set; } = [];

    public BatchMetrics Metrics { get; private set; } = BatchMetrics.None;

    public IReadOnlyList<BatchError> Errors { get; private set; } = [];

    /// <summary>Epoch milliseconds.</summary>
    public long Created { get; private set; }

    public long Updated { get; private set; }

    /// <summary>When processing began (epoch ms), once it has.</summary>
    public long? Started { get; private set; }

    /// <summary>When the batch reached its final status (epoch ms).</summary>
    public long? Completed { get; private set; }

    public string CreatedClient { get; private set; } = "";

    public string CreatedUser { get; private set; } = "";

    public string UpdatedUser { get; private set; } = "";

    /// <summary>Semantic version, <c>1.0.0</c> on creation and one patch step per change, as AEP counts them.</summary>
    public string Version { get; private set; } = "1.0.0";

    /// <summary>All related objects, the dataset first.</summary>
    public IReadOnlyList<BatchRelatedObject> RelatedObjects => [new(BatchRelatedObject.DataSet, DataSetId), .. OtherRelatedObjects];

    /// <summary>A new batch in <c>loading</c>, accepting files for <paramref name="dataSetId"/>.</summary>
    public static Batch Create(
        TenantKey tenant,
        string sandboxId,
        string dataSetId,
        BatchInputFormat inputFormat,
        CatalogTags tags,
        CatalogAuthor author,
        DateTimeOffset now,
        string? externalId = null,
        IReadOnlyList<BatchRelatedObject>? otherRelatedObjects = null,
        BatchReplay? replay = null,
        string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSetId);
        var ms = now.ToUnixTimeMilliseconds();
        id ??= CatalogIds.NewUlid(now);
        return new Batch
        {
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            Id = id,
            SandboxId = sandboxId,
            DataSetId = dataSetId,
            Status = BatchStatus.Loading,
            ExternalId = externalId ?? id,
            InputFormat = inputFormat,
            Tags = tags,
            OtherRelatedObjects = otherRelatedObjects ?? [],
            Replay = replay,
            Created = ms,
            Updated = ms,
            CreatedClient = author.ClientId,
            CreatedUser = author.UserId,
            UpdatedUser = author.UserId,
        };
    }

    /// <summary>COMPLETE: the producer has sent every file; the batch waits for processing. Sending it again once the
    /// batch is past <c>loading</c> changes nothing (AEP documents COMPLETE as safe to repeat) and returns false.</summary>
    public bool Complete(CatalogAuthor by, DateTimeOffset now)
    {
        switch (Status)
        {
            case BatchStatus.Loading:
                Move(BatchStatus.Staged, by, now);
                return true;
            case BatchStatus.Staged or BatchStatus.Processing or BatchStatus.Success or BatchStatus.Failed:
                return false;
            default:
                throw new BatchStatusConflictException(Id, Status, "completed");
        }
    }

    /// <summary>A worker claimed the batch and starts reading its files.</summary>
    public void StartProcessing(DateTimeOffset now)
    {
        Require(BatchStatus.Staged, "processed");
        Started = now.ToUnixTimeMilliseconds();
        Move(BatchStatus.Processing, null, now);
    }

    /// <summary>Processing ended with the records written (partial ingestion may still report failed records and errors).</summary>
    public void Succeed(BatchMetrics metrics, IReadOnlyList<BatchError> errors, DateTimeOffset now)
    {
        Require(BatchStatus.Processing, "marked successful");
        Metrics = metrics;
        Errors = errors;
        Completed = now.ToUnixTimeMilliseconds();
        Move(BatchStatus.Success, null, now);
    }

    /// <summary>The batch failed: while loading, once staged, or during processing.</summary>
    public void Fail(BatchMetrics metrics, IReadOnlyList<BatchError> errors, DateTimeOffset now)
    {
        if (Status is not (BatchStatus.Loading or BatchStatus.Staged or BatchStatus.Processing))
        {
            throw new BatchStatusConflictException(Id, Status, "marked failed");
        }

        Metrics = metrics;
        Errors = errors;
        Completed = now.ToUnixTimeMilliseconds();
        Move(BatchStatus.Failed, null, now);
    }

    /// <summary>ABORT: cancelled before it finished, also while processing ("While the batch is processing, it can still be
    /// cancelled", help/ingestion/batch-ingestion/api-overview.md); a batch that reached success or failed cannot be aborted.</summary>
    public void Abort(CatalogAuthor by, DateTimeOffset now)
    {
        if (Status is not (BatchStatus.Loading or BatchStatus.Staged or BatchStatus.Processing))
        {
            throw new BatchStatusConflictException(Id, Status, "aborted");
        }

        Completed = now.ToUnixTimeMilliseconds();
        Move(BatchStatus.Aborted, by, now);
    }

    /// <summary>REVERT: a finished batch's data is withdrawn; the batch becomes <c>inactive</c>.</summary>
    public void Revert(CatalogAuthor? by, DateTimeOffset now)
    {
        if (Status is not (BatchStatus.Success or BatchStatus.Failed))
        {
            throw new BatchStatusConflictException(Id, Status, "reverted");
        }

        Move(BatchStatus.Inactive, by, now);
    }

    /// <summary>The batch's data is gone: its dataset was deleted, or a reverted batch was collected.</summary>
    public void MarkDeleted(DateTimeOffset now)
    {
        if (Status != BatchStatus.Deleted)
        {
            Move(BatchStatus.Deleted, null, now);
        }
    }

    /// <summary>Catalog <c>PUT</c>/<c>PATCH</c>: the producer's descriptive fields — tags, related objects other than the
    /// dataset and, while files may still come, the input format. Status and counts never change here.</summary>
    public void Describe(CatalogTags tags, IReadOnlyList<BatchRelatedObject> otherRelatedObjects, BatchInputFormat inputFormat, CatalogAuthor by, DateTimeOffset now)
    {
        if (inputFormat.ToJson().ToJsonString() != InputFormat.ToJson().ToJsonString() && Status != BatchStatus.Loading)
        {
            throw new BatchStatusConflictException(Id, Status, "given another input format");
        }

        Tags = tags;
        OtherRelatedObjects = otherRelatedObjects;
        InputFormat = inputFormat;
        Move(Status, by, now);
    }

    /// <summary>Whether files may still be added.</summary>
    public bool AcceptsFiles => Status == BatchStatus.Loading;

    /// <summary>The Catalog object (<c>GET /batches/{id}</c> wraps it under its id).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["externalId"] = ExternalId,
            ["imsOrg"] = ImsOrg,
            ["sandboxId"] = SandboxId,
            ["status"] = Status.ToWire(),
            ["relatedObjects"] = new JsonArray([.. RelatedObjects.Select(r => (JsonNode)r.ToJson())]),
        };
        if (Replay is not null)
        {
            json["replay"] = Replay.ToJson(); // where api-overview.md's replay response shows it
        }

        json["inputFormat"] = InputFormat.ToJson();
        json["tags"] = Tags.ToJson();
        json["metrics"] = Metrics.ToJson();
        json["errors"] = new JsonArray([.. Errors.Select(e => (JsonNode)e.ToJson())]);
        json["created"] = Created;
        json["updated"] = Updated;
        if (Started is { } started)
        {
            json["started"] = started;
        }

        if (Completed is { } completed)
        {
            json["completed"] = completed;
        }

        json["createdClient"] = CreatedClient;
        json["createdUser"] = CreatedUser;
        json["updatedUser"] = UpdatedUser;
        json["version"] = Version;
        return json;
    }

    private void Require(BatchStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new BatchStatusConflictException(Id, Status, action);
        }
    }

    private void Move(BatchStatus to, CatalogAuthor? by, DateTimeOffset now)
    {
        Status = to;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
        if (by is not null)
        {
            UpdatedUser = by.UserId;
        }

        Version = CatalogVersion.Next(Version);
    }
}
