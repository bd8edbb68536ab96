using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Catalog.Query;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.DataAccess;

/// <summary>The Data Access API (<c>/data/foundation/export</c>, data-access.yaml; help/data-access/api.md,
/// help/ingestion/quality/error-diagnostics.md, retrieve-failed-batches.md): a batch's dataset files, their contents, the
/// rows a batch refused, its meta files (input files, row errors) and a dataset's preview.</summary>
/// <remarks>
/// <para>What a successful batch landed is one dataset file per input file that yielded records (<c>{batchId}-{n}</c>), its
/// content the records as stored, one JSON object per line (AEP masters to Parquet; here the landed form is JSON lines, named
/// after the input file with <c>.json</c> added when it has another extension) [decision].</para>
/// <para>Refused rows: <c>/failed</c> lists one file, <c>part-00000-{batchId}.json</c>, holding each refused row as the
/// record (when it was JSON) with <c>_validationErrors</c> in the shape retrieve-failed-batches.md shows, or
/// <c>{"_corrupt_record": ...}</c>; <c>meta?path=row_errors</c> lists <c>parsing_errors_0.json</c> (rows that cannot be read,
/// 1401) and <c>conversion_errors_0.json</c> (rows that break the schema), one JSON line per row in the shape
/// error-diagnostics.md shows (<c>_corrupt_record</c>, <c>_errors</c> with code and message, <c>_filename</c>), plus the
/// row's <c>_row</c> and each problem's field path; <c>row_errors_sample.json</c> is the first 100 of them;
/// <c>input_files</c> lists one <c>fileMetaData{n}.json</c> per uploaded file, a JSON line with its <c>path</c>,
/// <c>length</c> and record counts. Row errors are kept for every batch (at most the worker's limit per batch), whether or
/// not diagnostics were asked for.</para>
/// <para>Pages: <c>limit</c> 1 to 100 (default 100), <c>start</c> a zero-based offset.</para>
/// </remarks>
public sealed class DataAccessService(IBatchStore batches, IDatasetStore datasets, IDataSetFileStore dataSetFiles, IBatchFileStore batchFiles, IDatasetRecordStore records)
{
    public const int MaxLimit = 100;
    private const string JsonLines = "application/octet-stream";
    private const string ParsingErrors = "parsing_errors_0.json";
    private const string ConversionErrors = "conversion_errors_0.json";
    private const string RowErrorsSample = "row_errors_sample.json";
    private const string ProfileErrors = "profile_errors_0.json"; // [unverified] name: records kept, not taken whole by Identity/Profile

    /// <summary><c>GET /batches/{batchId}/files</c>.</summary>
    public async Task<JsonObject> BatchFilesAsync(string batchId, Page page, string baseUrl, CancellationToken ct)
    {
        var batch = await BatchAsync(batchId, ct);
        var files = (await dataSetFiles.QueryAsync(new CatalogStoreQuery { Equal = [new("batchId", [batch.Id])] }, ct)).OrderBy(f => f.Created).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var items = files.Skip(page.Start).Take(page.Limit).Select(f => (JsonNode)new JsonObject
        {
            ["dataSetFileId"] = f.Id,
            ["dataSetViewId"] = f.DataSetViewId,
            ["version"] = f.Version,
            ["created"] = Text(f.Created),
            ["updated"] = Text(f.Updated),
            ["records"] = Text(f.Records ?? 0),
            ["size"] = Text(f.Size),
            ["isValid"] = f.IsValid,
            ["_links"] = Link($"{baseUrl}/files/{Uri.EscapeDataString(f.Id)}"),
        });
        return Listing(items, page, files.Count, $"{baseUrl}/batches/{batch.Id}/files");
    }

    /// <summary><c>GET /files/{dataSetFileId}</c> without <c>path</c>: the file's entry with its download link.</summary>
    public async Task<JsonObject> FileAsync(string dataSetFileId, Page page, string baseUrl, CancellationToken ct)
    {
        var file = await DataSetFileAsync(dataSetFileId, ct);
        var name = LandedName(file);
        var entries = new JsonNode[] { Entry(name, file.Size, $"{baseUrl}/files/{Uri.EscapeDataString(file.Id)}?path={Uri.EscapeDataString(name)}") };
        return Listing(entries.Skip(page.Start).Take(page.Limit), page, entries.Length, $"{baseUrl}/files/{Uri.EscapeDataString(file.Id)}");
    }

    /// <summary><c>GET /files/{dataSetFileId}?path={name}</c>: the landed records, one JSON line each.</summary>
    public async Task<DataAccessContent> FileContentAsync(string dataSetFileId, string path, CancellationToken ct)
    {
        var file = await DataSetFileAsync(dataSetFileId, ct);
        var name = LandedName(file);
        if (!string.Equals(path, name, StringComparison.Ordinal))
        {
            throw new AepException(ErrorCatalog.Ingestion.NotFound, $"Dataset file {file.Id} holds '{name}', not '{Short(path)}': list it with GET /files/{file.Id}.");
        }

        var index = int.Parse(file.Id[(file.Id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
        return new DataAccessContent(name, JsonLines, file.Size, token => Lines(records.ReadFileAsync(file.BatchId, index, token), token));
    }

    /// <summary><c>GET /batches/{batchId}/failed</c>: the file of refused rows, or with <c>path</c> its content.</summary>
    public async Task<object> FailedAsync(string batchId, string? path, Page page, string baseUrl, CancellationToken ct)
    {
        var batch = await BatchAsync(batchId, ct);
        var errors = Refused(await records.RowErrorsAsync(batch.Id, ct));
        var name = $"part-00000-{batch.Id}.json";
        var content = Bytes(errors.Select(FailedRecord));
        if (path is null)
        {
            var entries = errors.Count == 0 ? [] : new JsonNode[] { Entry(name, content.Length, $"{baseUrl}/batches/{batch.Id}/failed?path={Uri.EscapeDataString(name)}") };
            return Listing(entries.Skip(page.Start).Take(page.Limit), page, entries.Length, $"{baseUrl}/batches/{batch.Id}/failed");
        }

        return errors.Count > 0 && path == name
            ? Generated(name, content)
            : throw new AepException(ErrorCatalog.Ingestion.NotFound, $"Batch {batch.Id} has no failed file '{Short(path)}'{(errors.Count == 0 ? ": it refused no rows" : $": its refused rows are in {name}")}.");
    }

    /// <summary><c>GET /batches/{batchId}/meta</c>: the meta directory, a folder of it, or one of its files.</summary>
    public async Task<object> MetaAsync(string batchId, string? path, Page page, string baseUrl, CancellationToken ct)
    {
        var batch = await BatchAsync(batchId, ct);
        var meta = $"{baseUrl}/batches/{batch.Id}/meta?path=";
        var trimmed = path?.Trim('/') ?? "";
        switch (trimmed)
        {
            case "":
                var errors = await records.RowErrorsAsync(batch.Id, ct);
                JsonNode[] top =
                [
                    Entry("input_files", 0, meta + "input_files"),
                    Entry("row_errors", 0, meta + "row_errors"),
                    Entry(RowErrorsSample, Bytes(errors.Take(100).Select(RowErrorLine)).Length, meta + RowErrorsSample),
                ];
                return Listing(top.Skip(page.Start).Take(page.Limit), page, top.Length, meta[..^6]);
            case "input_files":
                var inputs = await InputFilesAsync(batch, ct);
                var listed = inputs.Select(i => (JsonNode)Entry(i.Name, i.Content.Length, meta + Uri.EscapeDataString("input_files/" + i.Name))).ToList();
                return Listing(listed.Skip(page.Start).Take(page.Limit), page, listed.Count, meta + "input_files");
            case "row_errors":
                var files = await RowErrorFilesAsync(batch, ct);
                var rowFiles = files.Select(f => (JsonNode)Entry(f.Name, f.Content.Length, meta + Uri.EscapeDataString("row_errors/" + f.Name))).ToList();
                return Listing(rowFiles.Skip(page.Start).Take(page.Limit), page, rowFiles.Count, meta + "row_errors");
            case RowErrorsSample:
                return Generated(RowErrorsSample, Bytes((await records.RowErrorsAsync(batch.Id, ct)).Take(100).Select(RowErrorLine)));
        }

        if (trimmed.StartsWith("input_files/", StringComparison.Ordinal)
            && (await InputFilesAsync(batch, ct)).FirstOrDefault(i => i.Name == trimmed["input_files/".Length..]) is { } input)
        {
            return Generated(input.Name, input.Content);
        }

        if (trimmed.StartsWith("row_errors/", StringComparison.Ordinal)
            && (await RowErrorFilesAsync(batch, ct)).FirstOrDefault(f => f.Name == trimmed["row_errors/".Length..]) is { } rowFile)
        {
            return Generated(rowFile.Name, rowFile.Content);
        }

        throw new AepException(ErrorCatalog.Ingestion.NotFound, $"Batch {batch.Id} has no meta file '{Short(path ?? "")}': list them with GET /batches/{batch.Id}/meta (input_files, row_errors, {RowErrorsSample}).");
    }

    /// <summary><c>GET /datasets/{id}/preview</c>: the dataset's first 100 records (data-access.yaml <c>preview</c>).</summary>
    public async Task<JsonObject> DatasetPreviewAsync(string dataSetId, CancellationToken ct)
    {
        var dataset = (CatalogIds.IsPlausible(dataSetId) ? await datasets.FindAsync(dataSetId, ct) : null)
            ?? throw new AepException(ErrorCatalog.Ingestion.NotFound, $"No dataset with id '{Short(dataSetId)}' exists in this sandbox: list them with GET /data/foundation/catalog/dataSets.");
        var rows = await records.PreviewAsync(dataset.Id, MaxLimit, ct);
        return new JsonObject { ["data"] = new JsonArray([.. rows.Select(r => JsonNode.Parse(r))]) };
    }

    private async Task<Batch> BatchAsync(string batchId, CancellationToken ct) =>
        (CatalogIds.IsPlausible(batchId) ? await batches.FindAsync(batchId, ct) : null)
        ?? throw new AepException(ErrorCatalog.Ingestion.NotFound, $"No batch with id '{Short(batchId)}' exists in this sandbox: list them with GET /data/foundation/catalog/batches.");

    private async Task<DataSetFile> DataSetFileAsync(string id, CancellationToken ct) =>
        (CatalogIds.IsPlausible(id) ? (await dataSetFiles.FindManyAsync([id], ct)) is [var found, ..] ? found : null : null)
        ?? throw new AepException(ErrorCatalog.Ingestion.NotFound, $"No dataset file with id '{Short(id)}' exists in this sandbox: list a batch's files with GET /batches/{{BATCH_ID}}/files.");

    private async Task<List<(string Name, byte[] Content)>> InputFilesAsync(Batch batch, CancellationToken ct)
    {
        var errors = Refused(await records.RowErrorsAsync(batch.Id, ct));
        var landed = (await dataSetFiles.QueryAsync(new CatalogStoreQuery { Equal = [new("batchId", [batch.Id])] }, ct)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        return [.. (await batchFiles.ListAsync(batch.Id, ct)).Select(f =>
        {
            var line = new JsonObject { ["path"] = f.Name, ["length"] = Text(f.Size) };
            if (landed.TryGetValue(f.Name, out var written))
            {
                line["records"] = Text(written.Records ?? 0);
            }

            line["failedRecords"] = Text(errors.Count(e => e.FileName == f.Name));
            return ($"fileMetaData{Text(f.Sequence)}.json", Bytes([line]));
        })];
    }

    private async Task<List<(string Name, byte[] Content)>> RowErrorFilesAsync(Batch batch, CancellationToken ct)
    {
        var errors = await records.RowErrorsAsync(batch.Id, ct);
        var parsing = errors.Where(e => e.Code == IngestionErrorCodes.RowCorrupted).Select(RowErrorLine).ToList();
        var conversion = Refused(errors).Where(e => e.Code != IngestionErrorCodes.RowCorrupted).Select(RowErrorLine).ToList();
        var profile = errors.Where(e => IngestionErrorCodes.IsProfileRowCode(e.Code)).Select(RowErrorLine).ToList();
        var files = new List<(string, byte[])>();
        if (profile.Count > 0)
        {
            files.Add((ProfileErrors, Bytes(profile)));
        }

        if (conversion.Count > 0)
        {
            files.Add((ConversionErrors, Bytes(conversion)));
        }

        if (parsing.Count > 0)
        {
            files.Add((ParsingErrors, Bytes(parsing)));
        }

        return files;
    }

    /// <summary>The rows the batch refused (not the records it kept that Identity Service or Profile could not take whole).</summary>
    private static List<StoredRowError> Refused(IReadOnlyList<StoredRowError> errors) =>
        [.. errors.Where(e => !IngestionErrorCodes.IsProfileRowCode(e.Code))];

    /// <summary>A row error file line: error-diagnostics.md's <c>_corrupt_record</c> / <c>_errors</c> / <c>_filename</c>, plus the row.</summary>
    private static JsonObject RowErrorLine(StoredRowError error) => new()
    {
        ["_corrupt_record"] = error.Raw,
        ["_errors"] = new JsonArray([.. Problems(error).Select(p => (JsonNode)new JsonObject
        {
            ["code"] = p["code"]?.GetValue<string>(),
            ["message"] = p["message"]?.GetValue<string>(),
            ["path"] = p["path"]?.GetValue<string>(),
        })]),
        ["_filename"] = error.FileName,
        ["_row"] = error.Row,
    };

    /// <summary>A failed record: the row (when it was a JSON object) with retrieve-failed-batches.md's <c>_validationErrors</c>.</summary>
    private static JsonObject FailedRecord(StoredRowError error)
    {
        JsonObject record;
        try
        {
            record = JsonNode.Parse(error.Raw) as JsonObject ?? new JsonObject { ["_corrupt_record"] = error.Raw };
        }
        catch (JsonException)
        {
            record = new JsonObject { ["_corrupt_record"] = error.Raw };
        }

        record["_validationErrors"] = new JsonArray([.. Problems(error).Select(p => (JsonNode)new JsonObject
        {
            ["causingExceptions"] = new JsonArray(),
            ["keyword"] = p["keyword"]?.GetValue<string>(),
            ["message"] = p["message"]?.GetValue<string>(),
            ["pointerToViolation"] = "#" + (p["path"]?.GetValue<string>() ?? ""),
        })]);
        return record;
    }

    private static IEnumerable<JsonNode> Problems(StoredRowError error) =>
        (JsonNode.Parse(error.ProblemsJson) as JsonArray ?? []).OfType<JsonNode>();

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Lines(IAsyncEnumerable<string> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return Encoding.UTF8.GetBytes(row + "\n");
        }
    }

    private static DataAccessContent Generated(string name, byte[] content) =>
        new(name, JsonLines, content.Length, _ => One(content));

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> One(byte[] content)
    {
        await Task.CompletedTask;
        yield return content;
    }

    private static byte[] Bytes(IEnumerable<JsonNode> lines) =>
        Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.ToJsonString(CatalogJsonOptions) + "\n")));

    private static readonly JsonSerializerOptions CatalogJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Entry(string name, long length, string href) => new()
    {
        ["name"] = name,
        ["length"] = Text(length),
        ["_links"] = Link(href),
    };

    private static JsonObject Link(string href) => new() { ["self"] = new JsonObject { ["href"] = href } };

    private static JsonObject Listing(IEnumerable<JsonNode> items, Page page, int total, string self)
    {
        var data = new JsonArray([.. items]);
        var listing = new JsonObject
        {
            ["data"] = data,
            ["_page"] = new JsonObject { ["limit"] = page.Limit, ["count"] = data.Count },
        };
        if (page.Start + data.Count < total)
        {
            var separator = self.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            listing["_links"] = new JsonObject
            {
                ["next"] = new JsonObject { ["href"] = $"{self}{separator}start={Text(page.Start + data.Count)}&limit={Text(page.Limit)}" },
                ["page"] = new JsonObject { ["href"] = $"{self}{separator}start={{start}}&limit={{limit}}", ["templated"] = true },
            };
        }

        return listing;
    }

    /// <summary>The name a dataset file's landed records download under: the input file's, as JSON lines.</summary>
    public static string LandedName(DataSetFile file) =>
        file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? file.Name : file.Name + ".json";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length <= 128 ? text : text[..128] + "...";
}

/// <summary>A page of a Data Access listing: <c>start</c> (zero-based) and <c>limit</c> (1 to 100, default 100).</summary>
public sealed record Page(int Start, int Limit)
{
    public static Page Parse(string? start, string? limit)
    {
        var s = 0;
        var l = DataAccessService.MaxLimit;
        if (!string.IsNullOrEmpty(start) && (!int.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out s) || s < 0))
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "Query parameter 'start' must be a whole number from 0: the offset of the first entry.");
        }

        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out l) || l is < 1 or > DataAccessService.MaxLimit))
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter 'limit' must be from 1 to {DataAccessService.MaxLimit}.");
        }

        return new Page(s, l);
    }
}
