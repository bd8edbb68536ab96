using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>A dataset: the Catalog object data is ingested into, based on one XDM schema
/// (help/catalog/api/create-dataset.md; the object shape of help/catalog/datasets/enable-for-profile.md).</summary>
/// <remarks>What a client writes is <see cref="Fields"/>; everything else is Catalog's: the 24-hex id, the view id its
/// <c>files</c> link uses, audit fields, the version (raised by each change, and the store's concurrency token), and the
/// last-batch fields ingestion keeps current through <see cref="TrackBatch"/>.</remarks>
public sealed class Dataset : ITenantOwned
{
    private Dataset()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>24-hex ObjectId (<see cref="CatalogIds.NewObjectId"/>).</summary>
    public string Id { get; private set; } = "";

    public string SandboxId { get; private set; } = "";

    /// <summary>The id of the dataset's (single) view, where its files are listed.</summary>
    public string ViewId { get; private set; } = "";

    public DatasetFields Fields { get; private set; } = null!;

    /// <summary>Epoch milliseconds.</summary>
    public long Created { get; private set; }

    public long Updated { get; private set; }

    public string CreatedClient { get; private set; } = "";

    public string CreatedUser { get; private set; } = "";

    public string UpdatedUser { get; private set; } = "";

    public string Version { get; private set; } = CatalogVersion.Initial;

    public string? LastBatchId { get; private set; }

    public BatchStatus? LastBatchStatus { get; private set; }

    /// <summary>When the batch in <see cref="LastBatchId"/> was created (epoch ms), so an older batch finishing late
    /// does not displace a newer one.</summary>
    public long? LastBatchCreated { get; private set; }

    public string? LastSuccessfulBatch { get; private set; }

    public string? LastFailedBatch { get; private set; }

    /// <summary>The name (also in <see cref="Fields"/>), kept as its own column to filter on.</summary>
    public string? Name { get; private set; }

    /// <summary>The schema's <c>$id</c> (also in <see cref="Fields"/>), kept as its own column to find a schema's datasets.</summary>
    public string SchemaId { get; private set; } = "";

    public string? Description => Fields.Description;

    public SchemaRef SchemaRef => Fields.SchemaRef;

    public CatalogTags Tags => Fields.Tags;

    public JsonObject? FileDescription => Fields.FileDescription;

    public string State => Fields.State;

    /// <summary>The expandable reference to the dataset's files (help/catalog/api/appendix.md).</summary>
    public string Files => $"@/dataSets/{Id}/views/{ViewId}/files";

    public static Dataset Create(TenantKey tenant, string sandboxId, DatasetFields fields, CatalogAuthor author, DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return new Dataset
        {
            ImsOrg = tenant.ImsOrg,
            Sandbox = tenant.Sandbox,
            Id = CatalogIds.NewObjectId(now),
            SandboxId = sandboxId,
            ViewId = CatalogIds.NewObjectId(now),
            Fields = fields,
            Name = fields.Name,
            SchemaId = fields.SchemaRef.Id,
            Created = ms,
            Updated = ms,
            CreatedClient = author.ClientId,
            CreatedUser = author.UserId,
            UpdatedUser = author.UserId,
        };
    }

    /// <summary>PUT, or a PATCH already applied to <see cref="Fields"/>: the writable fields become <paramref name="fields"/>.</summary>
    public void Replace(DatasetFields fields, CatalogAuthor by, DateTimeOffset now)
    {
        Fields = fields;
        Name = fields.Name;
        SchemaId = fields.SchemaRef.Id;
        Updated = Math.Max(Updated, now.ToUnixTimeMilliseconds());
        UpdatedUser = by.UserId;
        Version = CatalogVersion.Next(Version);
    }

    /// <summary>Keeps <c>lastBatchId</c>, <c>lastBatchStatus</c>, <c>lastSuccessfulBatch</c> and <c>lastFailedBatch</c>
    /// current: call it whenever a batch of this dataset is created or changes status. System bookkeeping: neither
    /// <see cref="Updated"/> nor <see cref="Version"/> moves.</summary>
    public void TrackBatch(Batch batch)
    {
        if (batch.DataSetId != Id)
        {
            throw new ArgumentException($"Batch {batch.Id} belongs to dataset {batch.DataSetId}, not {Id}.", nameof(batch));
        }

        if (LastBatchId == batch.Id || LastBatchCreated is null || batch.Created >= LastBatchCreated)
        {
            LastBatchId = batch.Id;
            LastBatchStatus = batch.Status;
            LastBatchCreated = batch.Created;
        }

        if (batch.Status == BatchStatus.Success)
        {
            LastSuccessfulBatch = batch.Id;
        }
        else if (batch.Status == BatchStatus.Failed)
        {
            LastFailedBatch = batch.Id;
        }
    }

    /// <summary>The Catalog object (<c>GET /dataSets/{id}</c> wraps it under its id).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        void Add(string name, JsonNode? value)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        Add("name", Fields.Name);
        Add("description", Fields.Description);
        json["imsOrg"] = ImsOrg;
        json["sandboxId"] = SandboxId;
        json["tags"] = Fields.Tags.ToJson();
        json["version"] = Version;
        json["created"] = Created;
        json["updated"] = Updated;
        json["createdClient"] = CreatedClient;
        json["createdUser"] = CreatedUser;
        json["updatedUser"] = UpdatedUser;
        json["viewId"] = ViewId;
        json["state"] = Fields.State;
        json["files"] = Files;
        json["schemaRef"] = new JsonObject { ["id"] = Fields.SchemaRef.Id, ["contentType"] = Fields.SchemaRef.ContentType };
        Add("fileDescription", Fields.FileDescription?.DeepClone());
        Add("enableErrorDiagnostics", Fields.EnableErrorDiagnostics);
        Add("observableSchema", Fields.ObservableSchema?.DeepClone());
        Add("lastBatchId", LastBatchId);
        Add("lastBatchStatus", LastBatchStatus?.ToWire());
        Add("lastSuccessfulBatch", LastSuccessfulBatch);
        Add("lastFailedBatch", LastFailedBatch);
        foreach (var (key, value) in Fields.Other)
        {
            if (!json.ContainsKey(key))
            {
                json[key] = value?.DeepClone();
            }
        }

        return json;
    }
}
