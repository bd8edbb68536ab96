using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>A row a batch refused, with every problem: what the Data Access API's row error files
/// (<c>meta?path=row_errors</c>) and failed records (<c>/failed</c>) are made of.</summary>
internal sealed class RowErrorRecord : ITenantOwned
{
    public string ImsOrg { get; set; } = "";

    public string Sandbox { get; set; } = "";

    public string BatchId { get; set; } = "";

    /// <summary>Order of the error within the batch, from 1.</summary>
    public long Sequence { get; set; }

    public string FileName { get; set; } = "";

    public long RowNumber { get; set; }

    /// <summary>The row error code of the first problem (1401, 1555, 1501).</summary>
    public string Code { get; set; } = "";

    /// <summary>The problems, as a JSON array of {code, keyword, path, message}.</summary>
    public string Problems { get; set; } = "[]";

    /// <summary>The row as it was in the file (shortened to 64 KB).</summary>
    public string Raw { get; set; } = "";
}
