using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>What ingesting a batch counted.</summary>
/// <remarks>AEP reports these under two sets of names, both documented: <c>inputFileCount</c>, <c>inputByteSize</c>,
/// <c>inputRecordCount</c>, <c>outputRecordCount</c>, <c>failedRecordCount</c> (help/ingestion/batch-ingestion/partial.md)
/// and <c>recordsRead</c>, <c>recordsWritten</c>, <c>recordsFailed</c> (help/data-access/tutorial.md); the metrics object
/// carries both so a client reading either finds the counts.</remarks>
public sealed record BatchMetrics(long? InputFileCount = null, long? InputByteSize = null, long? InputRecordCount = null, long? OutputRecordCount = null, long? FailedRecordCount = null)
{
    public static BatchMetrics None { get; } = new();

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        Add(json, "inputFileCount", InputFileCount);
        Add(json, "inputByteSize", InputByteSize);
        Add(json, "inputRecordCount", InputRecordCount);
        Add(json, "outputRecordCount", OutputRecordCount);
        Add(json, "failedRecordCount", FailedRecordCount);
        Add(json, "recordsRead", InputRecordCount);
        Add(json, "recordsWritten", OutputRecordCount);
        Add(json, "recordsFailed", FailedRecordCount);
        return json;
    }

    private static void Add(JsonObject json, string name, long? value)
    {
        if (value is { } v)
        {
            json[name] = v;
        }
    }
}
