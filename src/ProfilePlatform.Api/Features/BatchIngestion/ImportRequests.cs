using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Api.Features.BatchIngestion;

/// <summary>What the Batch Ingestion endpoints share: the base path and the <c>File</c> answer (batch-ingestion.yaml).</summary>
internal static class ImportRequests
{
    /// <summary>batch-ingestion.yaml's base path.</summary>
    public const string Base = "data/foundation/import";

    /// <summary>batch-ingestion.yaml <c>File</c>: the path and the bytes uploaded so far.</summary>
    public static JsonObject FileJson(BatchFile file) => new() { ["name"] = file.Name, ["sizeInBytes"] = file.Size };

    /// <summary>The request body as a JSON object, or a 400 naming what was sent instead.</summary>
    public static JsonObject Object(JsonNode? body) =>
        body as JsonObject ?? throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The request body is {Domain.Catalog.CatalogJson.Kind(body)}: send a JSON object such as {{\"datasetId\":\"{{DATASET_ID}}\",\"inputFormat\":{{\"format\":\"json\"}}}}.");
}
