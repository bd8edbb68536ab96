using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>The preview of the files uploaded to a batch so far (batch-ingestion.yaml <c>retrievePreview</c>,
/// <c>PreviewResponse</c>): the files parsed with the format parameters of the request, as columns (field paths joined with
/// <c>/</c>, as the spec's <c>Column</c> example names them) and rows mapping each column id to the value's text.</summary>
/// <remarks>The values are shown as they are in the files, not converted or validated. Nested objects are flattened to
/// their leaves; an array is shown as its JSON. <c>nrow</c> 0 (the spec's default) shows 100 rows, the most a preview shows
/// [unverified: AEP's default]. Records that cannot be parsed are left out.</remarks>
public sealed class BatchPreviewService(BatchIngestionService batches, IBatchFileStore files)
{
    public const int MaxRows = 100;

    public async Task<JsonObject> PreviewAsync(string batchId, string dataSetId, IReadOnlyDictionary<string, string?> query, CancellationToken ct)
    {
        var format = IngestionFormats.FromWire(Get(query, "format"))
            ?? throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter 'format' is {(Get(query, "format") is { } f ? $"'{Short(f)}'" : "missing")}: give the files' format, json, csv or parquet.");
        var multiLine = Flag(query, "isMultiLineJson", false);
        var header = Flag(query, "header", true);
        var csv = new CsvOptions(Character(query, "delimiter", ','), Character(query, "quote", '"'), Character(query, "escape", '\\'), null, Get(query, "charset") ?? "UTF-8");
        if (csv.Charset.ToUpperInvariant() is not ("UTF-8" or "US-ASCII" or "ISO-8859-1"))
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "Query parameter 'charset' must be UTF-8, US-ASCII or ISO-8859-1.");
        }

        var nrow = Get(query, "nrow") is { } n
            ? int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, "Query parameter 'nrow' must be a whole number.")
            : 0;
        var rowsWanted = nrow <= 0 ? MaxRows : Math.Min(nrow, MaxRows);

        var batch = await batches.FindAsync(batchId, ct);
        if (!string.Equals(batch.DataSetId, dataSetId, StringComparison.Ordinal))
        {
            throw new AepException(ErrorCatalog.Ingestion.NotFound, $"Batch {batch.Id} loads dataset {batch.DataSetId}, not '{Short(dataSetId)}'.");
        }

        if (batch.Status is not (BatchStatus.Loading or BatchStatus.Staged or BatchStatus.Processing))
        {
            throw new AepException(
                ErrorCatalog.Ingestion.BatchNotLoading,
                $"Batch {batch.Id} is {batch.Status.ToWire()}: its uploaded files are no longer staged. Read what it landed with the Data Access API (GET /data/foundation/export/batches/{batch.Id}/files).");
        }

        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new JsonArray();
        foreach (var file in (await files.ListAsync(batch.Id, ct)).Where(f => f.IsComplete))
        {
            if (rows.Count >= rowsWanted)
            {
                break;
            }

            await using var content = files.OpenRead(file.ContentId, file.Size);
            try
            {
                if (format == IngestionFormat.Csv)
                {
                    await PreviewCsvAsync(content, csv, header, rowsWanted, rows, columns, index, ct);
                }
                else
                {
                    await PreviewRecordsAsync(format, multiLine, content, rowsWanted, rows, columns, index, ct);
                }
            }
            catch (IngestionFileException ex)
            {
                throw new AepException(ErrorCatalog.Ingestion.InvalidFile, $"File '{file.Name}' cannot be previewed as {format.ToWire()}: {ex.Message}");
            }
        }

        return new JsonObject
        {
            ["formatParams"] = new JsonObject
            {
                ["delimiter"] = csv.Delimiter.ToString(),
                ["quote"] = csv.Quote.ToString(),
                ["escape"] = csv.Escape.ToString(),
                ["charset"] = csv.Charset,
                ["header"] = header,
                ["format"] = format.ToWire(),
            },
            ["preview"] = new JsonObject
            {
                ["columns"] = new JsonArray([.. columns.Select((name, i) => (JsonNode)new JsonObject { ["cid"] = i.ToString(CultureInfo.InvariantCulture), ["name"] = name })]),
                ["rows"] = rows,
            },
        };
    }

    private static async Task PreviewCsvAsync(Stream content, CsvOptions options, bool header, int wanted, JsonArray rows, List<string> columns, Dictionary<string, int> index, CancellationToken ct)
    {
        using var reader = new CsvRowReader(content, options);
        List<string>? names = null;
        while (rows.Count < wanted && await reader.ReadAsync(ct))
        {
            if (header && names is null)
            {
                names = [.. reader.Fields.Select(f => f.Trim())];
                continue;
            }

            var row = new JsonObject();
            for (var i = 0; i < reader.Fields.Count; i++)
            {
                var name = names is not null && i < names.Count ? names[i] : "_c" + i.ToString(CultureInfo.InvariantCulture);
                row[ColumnId(name, columns, index)] = reader.Fields[i];
            }

            rows.Add(row);
        }
    }

    private static async Task PreviewRecordsAsync(IngestionFormat format, bool multiLine, Stream content, int wanted, JsonArray rows, List<string> columns, Dictionary<string, int> index, CancellationToken ct)
    {
        await using IRecordReader reader = format switch
        {
            IngestionFormat.Parquet => new ParquetRecordReader(content, null),
            _ when multiLine => new MultiLineJsonReader(content),
            _ => new JsonLinesReader(content),
        };
        while (rows.Count < wanted && await reader.ReadAsync(ct))
        {
            if (!reader.Current.IsReadable)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(reader.Current.Json);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                var row = new JsonObject();
                Flatten(document.RootElement, "", row, columns, index);
                rows.Add(row);
            }
        }
    }

    private static void Flatten(JsonElement value, string path, JsonObject row, List<string> columns, Dictionary<string, int> index)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject())
            {
                Flatten(member.Value, path.Length == 0 ? member.Name : path + "/" + member.Name, row, columns, index);
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        row[ColumnId(path.Length == 0 ? "value" : path, columns, index)] = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private static string ColumnId(string name, List<string> columns, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(name, out var i))
        {
            i = columns.Count;
            columns.Add(name);
            index[name] = i;
        }

        return i.ToString(CultureInfo.InvariantCulture);
    }

    private static string? Get(IReadOnlyDictionary<string, string?> query, string name) =>
        query.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static bool Flag(IReadOnlyDictionary<string, string?> query, string name, bool fallback) => Get(query, name) switch
    {
        null or "" => fallback,
        var v when bool.TryParse(v, out var b) => b,
        _ => throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter '{name}' must be true or false."),
    };

    private static char Character(IReadOnlyDictionary<string, string?> query, string name, char fallback) => Get(query, name) switch
    {
        null or "" => fallback,
        [var c] => c,
        _ => throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"Query parameter '{name}' must be a single character."),
    };

    private static string Short(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
