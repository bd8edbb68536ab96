using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ProfilePlatform.Api.Common.Errors;
using ProfilePlatform.Domain.DataAccess;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Features.DataAccess;

/// <summary>The Data Access API (data-access.yaml, base <c>/data/foundation/export</c>): a batch's files, their download
/// (whole or a byte range), its failed rows and meta files, and a dataset's preview.</summary>
/// <remarks>Downloads are streamed from the store as the client reads them; a <c>Range: bytes=a-b</c> request gets 206 with
/// <c>Content-Range</c> (help/data-access/tutorials/dataset-data.md, "Download partial contents of a file").</remarks>
[ApiController]
[Route(Base)]
[AepService(AepErrorFormat.Generic)]
[Tags("Data Access")]
public sealed class DataAccessController(DataAccessService access) : ControllerBase
{
    private const string Base = "data/foundation/export";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("batches/{batchId}/files")]
    public Task<JsonObject> BatchFiles(string batchId, [FromQuery] string? start, [FromQuery] string? limit, CancellationToken ct) =>
        access.BatchFilesAsync(batchId, Page.Parse(start, limit), BaseUrl(), ct);

    [HttpGet("batches/{batchId}/failed")]
    public async Task Failed(string batchId, [FromQuery] string? path, [FromQuery] string? start, [FromQuery] string? limit, CancellationToken ct) =>
        await WriteAsync(await access.FailedAsync(batchId, path, Page.Parse(start, limit), BaseUrl(), ct), ct);

    [HttpGet("batches/{batchId}/meta")]
    public async Task Meta(string batchId, [FromQuery] string? path, [FromQuery] string? start, [FromQuery] string? limit, CancellationToken ct) =>
        await WriteAsync(await access.MetaAsync(batchId, path, Page.Parse(start, limit), BaseUrl(), ct), ct);

    [HttpGet("files/{dataSetFileId}")]
    public async Task File(string dataSetFileId, [FromQuery] string? path, [FromQuery] string? start, [FromQuery] string? limit, CancellationToken ct) =>
        await WriteAsync(
            path is null
                ? await access.FileAsync(dataSetFileId, Page.Parse(start, limit), BaseUrl(), ct)
                : await access.FileContentAsync(dataSetFileId, path, ct),
            ct);

    [HttpHead("files/{dataSetFileId}")]
    public async Task<IActionResult> FileHeaders(string dataSetFileId, [FromQuery] string? path, CancellationToken ct)
    {
        if (path is null)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "Query parameter 'path' is required: the file name GET /files/{dataSetFileId} lists.");
        }

        var content = await access.FileContentAsync(dataSetFileId, path, ct);
        Response.Headers[HeaderNames.AcceptRanges] = "bytes";
        Response.ContentType = content.ContentType;
        Response.ContentLength = content.Length;
        return new EmptyResult();
    }

    [HttpGet("datasets/{id}/preview")]
    public Task<JsonObject> Preview(string id, CancellationToken ct) => access.DatasetPreviewAsync(id, ct);

    private string BaseUrl() => $"{Request.Scheme}://{Request.Host}/{Base}";

    private async Task WriteAsync(object answer, CancellationToken ct)
    {
        if (answer is JsonObject json)
        {
            Response.ContentType = "application/json";
            await Response.WriteAsync(json.ToJsonString(JsonOptions), ct);
            return;
        }

        var content = (DataAccessContent)answer;
        var (from, to) = RangeOf(content.Length);
        Response.Headers[HeaderNames.AcceptRanges] = "bytes";
        Response.ContentType = content.ContentType;
        if (from > 0 || to < content.Length - 1)
        {
            Response.StatusCode = StatusCodes.Status206PartialContent;
            Response.Headers[HeaderNames.ContentRange] = $"bytes {Text(from)}-{Text(to)}/{Text(content.Length)}";
        }

        Response.ContentLength = content.Length == 0 ? 0 : to - from + 1;
        var position = 0L;
        await foreach (var piece in content.Pieces(ct))
        {
            var start = Math.Max(from - position, 0);
            var end = Math.Min(to - position + 1, piece.Length);
            if (start < end)
            {
                await Response.Body.WriteAsync(piece[(int)start..(int)end], ct);
            }

            position += piece.Length;
            if (position > to)
            {
                break;
            }
        }
    }

    /// <summary>The bytes a <c>Range</c> header asks for (RFC 9110 §14.1.2: <c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>);
    /// the whole file without one; 416 when nothing of the file is in it.</summary>
    private (long From, long To) RangeOf(long length)
    {
        var header = Request.Headers[HeaderNames.Range].ToString();
        if (header.Length == 0 || length == 0)
        {
            return (0, length - 1);
        }

        if (!RangeHeaderValue.TryParse(header, out var range) || !range.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The Range header '{header}' is not one byte range such as 'bytes=0-99'.");
        }

        var item = range.Ranges.Single();
        long from, to;
        if (item.From is null)
        {
            from = Math.Max(0, length - (item.To ?? 0));
            to = length - 1;
        }
        else
        {
            from = item.From.Value;
            to = Math.Min(item.To ?? length - 1, length - 1);
        }

        if (from >= length || from > to)
        {
            ErrorResponseHeaders.Add(HttpContext, HeaderNames.ContentRange, $"bytes */{Text(length)}");
            throw new AepException(ErrorCatalog.Ingestion.RangeNotSatisfiable, $"The file has {Text(length)} bytes; the Range '{header}' asks for none of them.");
        }

        return (from, to);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
