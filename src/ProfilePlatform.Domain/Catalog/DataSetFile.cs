using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>A file of a dataset, written by a batch: what <c>GET /dataSetFiles</c> and a view's <c>files</c> list
/// (help/catalog/api/appendix.md: id <c>{batchId}-{n}</c>, batchId, dataSetViewId, audit fields, version).</summary>
public sealed class DataSetFile : ITenantOwned
{
    private DataSetFile()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary><c>{batchId}-{n}</c>.</summary>
    public string Id { get; private set; } = "";

    public string DataSetId { get; private set; } = "";

    public string DataSetViewId { get; private set; } = "";

    public string BatchId { get; private set; } = "";

    /// <summary>The file name the producer uploaded it under.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    /// <summary>Records the file holds, once counted.</summary>
    public long? Records { get; private set; }

    /// <summary>Whether the file passed validation (AEP's Data Access listing shows <c>isValid</c>).</summary>
    public bool IsValid { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public string CreatedClient { get; private set; } = "";

    public string CreatedUser { get; private set; } = "";

    public string UpdatedUser { get; private set; } = "";

    public string Version { get; private set; } = CatalogVersion.Initial;

    /// <summary>The <paramref name="sequence"/>-th file (from 1) of <paramref name="batch"/> in <paramref name="dataset"/>.</summary>
    public static DataSetFile Create(Dataset dataset, Batch batch, int sequence, string name, long size, long? records, bool isValid, CatalogAuthor author, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var ms = now.ToUnixTimeMilliseconds();
        return new DataSetFile
        {
            ImsOrg = dataset.ImsOrg,
            Sandbox = dataset.Sandbox,
            Id = $"{batch.Id}-{sequence.ToString(CultureInfo.InvariantCulture)}",
            DataSetId = dataset.Id,
            DataSetViewId = dataset.ViewId,
            BatchId = batch.Id,
            Name = name,
            Size = size,
            Records = records,
            IsValid = isValid,
            Created = ms,
            Updated = ms,
            CreatedClient = author.ClientId,
            CreatedUser = author.UserId,
            UpdatedUser = author.UserId,
        };
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["dataSetId"] = DataSetId,
            ["dataSetViewId"] = DataSetViewId,
            ["batchId"] = BatchId,
            ["imsOrg"] = ImsOrg,
            ["name"] = Name,
            ["size"] = Size,
            ["isValid"] = IsValid,
            ["created"] = Created,
            ["updated"] = Updated,
            ["createdClient"] = CreatedClient,
            ["createdUser"] = CreatedUser,
            ["updatedUser"] = UpdatedUser,
            ["version"] = Version,
        };
        if (Records is { } records)
        {
            json["records"] = records;
        }

        return json;
    }
}
