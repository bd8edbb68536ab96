using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Api.Common.Http;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Features.BatchIngestion;

/// <summary>A batch's files (batch-ingestion.yaml <c>/batches/{batchId}/datasets/{datasetId}/files/{filePath}</c>) and its
/// preview: PUT a file up to 256 MB; larger files with POST <c>?action=INITIALIZE</c>, PATCH parts with
/// <c>Content-Range</c>, POST <c>?action=COMPLETE</c>; HEAD for what arrived.</summary>
/// <remarks>Bodies are read as streams and written to the store chunk by chunk. PUT takes <c>application/octet-stream</c> only
/// (the docs: multipart is not supported); PATCH also takes the <c>multipart/form-data</c> with a <c>file</c> part that
/// batch-ingestion.yaml and Adobe's Postman collection describe. Statuses follow the docs
/// (help/ingestion/batch-ingestion/api-overview.md): PUT and PATCH 200, INITIALIZE and COMPLETE 201.</remarks>
[ApiController]
[Route(ImportRequests.Base + "/batches/{batchId}/datasets/{datasetId}")]
[AepService(AepErrorFormat.Generic)]
[Tags("Batch Ingestion")]
public sealed class BatchFilesController(BatchFileService files, BatchPreviewService previews, TenancyContext tenancy) : ControllerBase
{
    private const long PutLimit = 256L * 1024 * 1024;
    private const long PartLimit = 512_000_000L + (64 * 1024); // a part, plus room for a multipart envelope

    [HttpPut("files/{**filePath}")]
    [AepConsumes("application/octet-stream")]
    [StreamedBody]
    [RequestSizeLimit(PutLimit)]
    public async Task<IActionResult> Put(string batchId, string datasetId, string filePath, CancellationToken ct)
    {
        await files.UploadAsync(tenancy.Tenant, batchId, datasetId, filePath, Request.Body, ct);
        return Ok();
    }

    [HttpPatch("files/{**filePath}")]
    [AepConsumes("application/octet-stream", "multipart/form-data")]
    [StreamedBody]
    [RequestSizeLimit(PartLimit)]
    public async Task<JsonObject> Patch(string batchId, string datasetId, string filePath, CancellationToken ct)
    {
        var range = Request.Headers[HeaderNames.ContentRange].ToString();
        var file = await files.UploadPartAsync(batchId, datasetId, filePath, range, await PartBodyAsync(ct), ct);
        Response.Headers[HeaderNames.Range] = ReceivedRange(file);
        return ImportRequests.FileJson(file);
    }

    [HttpPost("files/{**filePath}")]
    [StreamedBody]
    public async Task<IActionResult> Action(string batchId, string datasetId, string filePath, [FromQuery] string? action, CancellationToken ct)
    {
        var file = action?.Trim().ToUpperInvariant() switch
        {
            "INITIALIZE" => await files.InitializeAsync(tenancy.Tenant, batchId, datasetId, filePath, ct),
            "COMPLETE" => await files.CompleteLargeFileAsync(tenancy.Tenant, batchId, datasetId, filePath, ct),
            _ => throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter 'action' is '{action}': use INITIALIZE to start a large file or COMPLETE to finish it."),
        };
        return StatusCode(StatusCodes.Status201Created, ImportRequests.FileJson(file));
    }

    [HttpHead("files/{**filePath}")]
    public async Task<IActionResult> Status(string batchId, string datasetId, string filePath, CancellationToken ct)
    {
        var file = await files.StatusAsync(batchId, datasetId, filePath, ct);
        Response.Headers[HeaderNames.Range] = ReceivedRange(file);
        Response.Headers["x-file-complete"] = file.IsComplete ? "true" : "false";
        return Ok();
    }

    [HttpGet("preview")]
    public Task<JsonObject> Preview(string batchId, string datasetId, CancellationToken ct) =>
        previews.PreviewAsync(batchId, datasetId, Request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.OrdinalIgnoreCase), ct);

    /// <summary>The part's bytes: the raw body, or the <c>file</c> part of a multipart form.</summary>
    private async Task<Stream> PartBodyAsync(CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Request.Body;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "The multipart/form-data body has no boundary: send the part as application/octet-stream instead.");
        }

        var reader = new MultipartReader(boundary, Request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
                {
                    return new MultipartSectionStream(section.Body);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The multipart/form-data body cannot be read ({ex.Message}): send the part as application/octet-stream.");
        }

        throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "The multipart/form-data body has no 'file' part: send the part's bytes in a field named file, or as application/octet-stream.");
    }

    private static string ReceivedRange(BatchFile file) =>
        file.Size > 0 ? $"bytes=0-{(file.Size - 1).ToString(CultureInfo.InvariantCulture)}" : "bytes=0-0";
}
