using System.Globalization;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Profile.SystemJobs;

/// <summary>What a Profile system job deletes (help/profile/api/profile-system-jobs.md <c>requestType</c>).</summary>
public enum ProfileSystemJobType
{
    /// <summary><c>TRUNCATE_DATASET</c>: every fragment, event and identity link of a dataset.</summary>
    TruncateDataset,

    /// <summary><c>DELETE_EE_BATCH</c>: the events one batch of a time-series dataset ingested.</summary>
    DeleteEeBatch,
}

/// <summary>Where a Profile system job is: <c>NEW</c> until a worker takes it, <c>PROCESSING</c>, then <c>SUCCESS</c> or
/// <c>ERROR</c>.</summary>
public enum ProfileSystemJobStatus
{
    New,
    Processing,
    Success,
    Error,
}

/// <summary>A Profile system job ("delete request"): deletes a dataset's or an ExperienceEvent batch's data from the Profile
/// store (fragments, events, and for a dataset the identity links only it supported); the data lake is untouched. Durable:
/// created <c>NEW</c>, processed in the background by any node, survives restarts.</summary>
public sealed class ProfileSystemJob
{
    private ProfileSystemJob(string id, string imsOrg, string sandbox, ProfileSystemJobType type, string datasetId, string? batchId, long created)
    {
        Id = id;
        ImsOrg = imsOrg;
        Sandbox = sandbox;
        Type = type;
        DatasetId = datasetId;
        BatchId = batchId;
        CreatedAt = created;
        UpdatedAt = created;
    }

    public string Id { get; }

    public string ImsOrg { get; }

    public string Sandbox { get; }

    public ProfileSystemJobType Type { get; }

    public string DatasetId { get; }

    /// <summary>The batch of a <see cref="ProfileSystemJobType.DeleteEeBatch"/> job.</summary>
    public string? BatchId { get; }

    public ProfileSystemJobStatus Status { get; private set; } = ProfileSystemJobStatus.New;

    /// <summary>Fragments and events deleted, once the job succeeded.</summary>
    public long? RecordsProcessed { get; private set; }

    /// <summary>Why the job ended in <see cref="ProfileSystemJobStatus.Error"/>.</summary>
    public string? Message { get; private set; }

    /// <summary>Epoch milliseconds.</summary>
    public long CreatedAt { get; }

    /// <summary>Epoch milliseconds.</summary>
    public long UpdatedAt { get; private set; }

    /// <summary>When processing started (epoch ms), for <c>timeTakenInSec</c>.</summary>
    public long? StartedAt { get; private set; }

    /// <summary>A new job, <c>NEW</c>.</summary>
    public static ProfileSystemJob Create(string imsOrg, string sandbox, ProfileSystemJobType type, string datasetId, string? batchId, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("D"), imsOrg, sandbox, type, datasetId, batchId, now.ToUnixTimeMilliseconds());

    /// <summary>A job as stored.</summary>
    public static ProfileSystemJob Restore(
        string id, string imsOrg, string sandbox, ProfileSystemJobType type, string datasetId, string? batchId, ProfileSystemJobStatus status,
        long? recordsProcessed, string? message, long created, long updated, long? started) =>
        new(id, imsOrg, sandbox, type, datasetId, batchId, created)
        {
            Status = status,
            RecordsProcessed = recordsProcessed,
            Message = message,
            UpdatedAt = updated,
            StartedAt = started,
        };

    /// <summary>Whether the job still has work ahead (another request for the same data is then a duplicate, 422).</summary>
    public bool IsActive => Status is ProfileSystemJobStatus.New or ProfileSystemJobStatus.Processing;

    public static string WireType(ProfileSystemJobType type) => type == ProfileSystemJobType.TruncateDataset ? "TRUNCATE_DATASET" : "DELETE_EE_BATCH";

    public static string WireStatus(ProfileSystemJobStatus status) => status switch
    {
        ProfileSystemJobStatus.New => "NEW",
        ProfileSystemJobStatus.Processing => "PROCESSING",
        ProfileSystemJobStatus.Success => "SUCCESS",
        _ => "ERROR",
    };

    /// <summary>The job as the API returns it: both documented shapes in one object — the spec's
    /// (<c>id</c>, <c>dataSetId</c>/<c>batchId</c>, <c>jobType</c>, <c>metrics</c> as a JSON string, <c>createEpoch</c>/
    /// <c>updateEpoch</c> in seconds) and the current guide's (<c>requestId</c>, <c>requestType</c>, <c>sandbox</c>,
    /// <c>properties</c>, <c>createdAt</c>/<c>updatedAt</c>), so a client written against either finds its fields.</summary>
    public JsonObject ToJson()
    {
        var properties = new JsonObject { ["datasetId"] = DatasetId };
        var json = new JsonObject
        {
            ["id"] = Id,
            ["requestId"] = Id,
            ["imsOrgId"] = ImsOrg,
            ["sandbox"] = new JsonObject { ["sandboxName"] = Sandbox },
            ["dataSetId"] = DatasetId,
        };
        if (BatchId is not null)
        {
            json["batchId"] = BatchId;
            properties["batchId"] = BatchId;
        }

        json["properties"] = properties;
        json["jobType"] = "DELETE";
        json["requestType"] = WireType(Type);
        json["status"] = WireStatus(Status);
        if (RecordsProcessed is { } processed)
        {
            var seconds = StartedAt is { } started ? Math.Max(0, (UpdatedAt - started) / 1000) : 0;
            json["metrics"] = string.Create(CultureInfo.InvariantCulture, $$"""{"recordsProcessed":{{processed}},"timeTakenInSec":{{seconds}}}""");
        }

        if (Message is not null)
        {
            json["message"] = Message;
        }

        json["createEpoch"] = CreatedAt / 1000;
        json["updateEpoch"] = UpdatedAt / 1000;
        json["createdAt"] = Iso(CreatedAt);
        json["updatedAt"] = Iso(UpdatedAt);
        return json;
    }

    private static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
