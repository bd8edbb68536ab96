using System.Text;
using System.Text.Json;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Checks an uploaded file before the upload is answered, so a file that cannot be read in the batch's format is
/// refused with a 400 and never kept: JSON lines must start with a JSON object on its first line, multi-line JSON with an
/// object or an array, a CSV header must name fields of the dataset's schema, a Parquet file must have a readable footer
/// whose fields are the schema's.</summary>
/// <remarks>Only the start of a file is read (the footer for Parquet): a bad row further in is a row error of the batch,
/// reported after COMPLETE. An empty file is accepted here and fails the batch later ("Dataset file is empty", code 106),
/// as AEP reports it.</remarks>
public static class IngestionFileInspector
{
    private const int Sniff = 1024 * 1024;

    public static async Task InspectAsync(string name, BatchInputFormat format, Stream content, Func<Task<IngestionSchema>> schema, CancellationToken ct)
    {
        try
        {
            switch (IngestionFormats.FromWire(format.Format))
            {
                case IngestionFormat.Json:
                    await InspectJsonAsync(name, format.IsMultiLineJson == true, content, ct);
                    break;
                case IngestionFormat.Csv:
                    await using (var csv = new CsvRecordReader(content, CsvOptions.Of(format), await schema()))
                    {
                        await csv.ReadHeaderAsync(ct);
                    }

                    break;
                case IngestionFormat.Parquet:
                    await using (var parquet = new ParquetRecordReader(content, await schema()))
                    {
                        await parquet.ReadSchemaAsync(ct);
                    }

                    break;
            }
        }
        catch (IngestionFileException ex) when (ex.Code != IngestionErrorCodes.EmptyFile)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidFile, $"File '{name}' cannot be ingested: {ex.Message}");
        }
        catch (IngestionFileException)
        {
            // Empty: accepted now, reported on the batch after COMPLETE.
        }
    }

    private static async Task InspectJsonAsync(string name, bool multiLine, Stream content, CancellationToken ct)
    {
        var buffer = new byte[Sniff];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
        {
            filled += read;
        }

        var data = buffer.AsSpan(0, filled);
        if (data.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        var at = data.IndexOfAnyExcept(" \t\r\n"u8);
        if (at < 0)
        {
            return;
        }

        var first = data[at];
        if (multiLine)
        {
            if (first is not ((byte)'{' or (byte)'['))
            {
                throw NotJson(name, data[at..], "multi-line JSON starts with '{' or '['");
            }

            return;
        }

        if (first != (byte)'{')
        {
            throw NotJson(name, data[at..], first == (byte)'[' ? "JSON lines hold one object per line; for a JSON array create the batch with inputFormat.isMultiLineJson: true" : "JSON lines start with '{'");
        }

        var line = data[at..];
        var newline = line.IndexOf((byte)'\n');
        if (newline < 0 && filled == buffer.Length)
        {
            return; // the first record is longer than what was read: the row check will judge it
        }

        line = newline < 0 ? line : line[..newline];
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
        }
        catch (JsonException ex)
        {
            throw new AepException(
                ErrorCatalog.Ingestion.InvalidFile,
                $"File '{name}' is not JSON lines: its first line is not one JSON object ({ex.Message}). Upload one JSON object per line, or create the batch with inputFormat.isMultiLineJson: true for records spanning lines.");
        }
    }

    private static AepException NotJson(string name, ReadOnlySpan<byte> start, string rule)
    {
        var shown = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 32)]).ReplaceLineEndings(" ");
        return new AepException(
            ErrorCatalog.Ingestion.InvalidFile,
            $"File '{name}' is not JSON: it starts with '{shown}', and {rule}. Upload a JSON file, or create a batch for the file's format.");
    }
}
