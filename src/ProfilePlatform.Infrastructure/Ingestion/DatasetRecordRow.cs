using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>One record a batch landed in a dataset: the dataset's data, as the Data Access API downloads it and later steps
/// read it. Keyed by batch, file (the <c>n</c> of dataset file <c>{batchId}-{n}</c>) and row.</summary>
/// <remarks>The record is kept as the exact JSON text ingestion wrote (PostgreSQL <c>json</c>, SQLite TEXT): a download
/// returns those bytes, so a file's length is known when it is written; <c>jsonb</c> would reorder keys and cost a parse
/// per row on the bulk load.</remarks>
internal sealed class DatasetRecordRow : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string DataSetId { get; set; } = "";

    public string BatchId { get; set; } = "";

    public int FileIndex { get; set; }

    public long RowNumber { get; set; }

    public string Record { get; set; } = "";
}
