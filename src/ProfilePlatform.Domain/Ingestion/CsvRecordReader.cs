using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Reads a CSV file as records: the header row maps columns to schema fields (<see cref="CsvHeader"/>), and each
/// following row becomes a JSON record with every cell converted to its field's type (strings to numbers, booleans, dates,
/// date-times, epoch milliseconds to dates: help/ingestion/batch-ingestion/api-overview.md, "Types").</summary>
/// <remarks>An empty cell, or one equal to the batch's <c>nullMarker</c>, leaves the field out (XDM keeps no nulls). A row
/// with more cells than the header is corrupted (1401); missing trailing cells are empty. A cell that cannot be converted is
/// a 1501 row error naming its column.</remarks>
public sealed class CsvRecordReader : IRecordReader
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly CsvRowReader rows;
    private readonly CsvOptions options;
    private readonly IngestionSchema schema;
    private readonly ArrayBufferWriter<byte> output = new(4096);
    private CsvHeader? header;

    public CsvRecordReader(Stream input, CsvOptions options, IngestionSchema schema)
    {
        rows = new CsvRowReader(input, options);
        this.options = options;
        this.schema = schema;
    }

    public SourceRecord Current { get; private set; }

    /// <summary>The mapped header, once the first row is read.</summary>
    public CsvHeader? Header => header;

    /// <summary>Reads and maps only the header row (an upload check); throws as <see cref="ReadAsync"/> does for it.</summary>
    public async Task<CsvHeader> ReadHeaderAsync(CancellationToken ct)
    {
        if (header is not null)
        {
            return header;
        }

        if (!await rows.ReadAsync(ct))
        {
            throw new IngestionFileException(IngestionErrorCodes.EmptyFile, "Dataset file is empty. Please upload file with data.");
        }

        if (rows.Problem is { } problem)
        {
            throw new IngestionFileException(IngestionErrorCodes.HeaderMismatch, $"The CSV header row cannot be read: {problem}.");
        }

        header = CsvHeader.Map(rows.Fields, schema);
        return header;
    }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        var mapped = await ReadHeaderAsync(ct);
        if (!await rows.ReadAsync(ct))
        {
            return false;
        }

        if (rows.Problem is { } problem)
        {
            Current = Corrupted(problem);
            return true;
        }

        if (rows.Fields.Count > mapped.Names.Count)
        {
            Current = Corrupted($"the row has {rows.Fields.Count} values but the header names {mapped.Names.Count} columns");
            return true;
        }

        output.Clear();
        var problems = new List<RowProblem>();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            Write(writer, mapped.Tree, mapped, problems, "");
        }

        Current = problems.Count == 0
            ? new SourceRecord(rows.Line, output.WrittenMemory, [])
            : new SourceRecord(rows.Line, ReadOnlyMemory<byte>.Empty, problems, rows.Raw);
        return true;
    }

    public ValueTask DisposeAsync()
    {
        rows.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes an object of the tree; false when none of its columns has a value (the object is left out).</summary>
    private bool Write(Utf8JsonWriter writer, CsvColumnTree node, CsvHeader mapped, List<RowProblem> problems, string path)
    {
        if (!HasValue(node))
        {
            if (path.Length == 0)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            return false;
        }

        writer.WriteStartObject();
        foreach (var child in node.Children)
        {
            if (!HasValue(child))
            {
                continue;
            }

            writer.WritePropertyName(child.Name);
            var childPath = path + "/" + child.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (child.Column >= 0)
            {
                WriteCell(writer, rows.Fields[child.Column], mapped.Fields[child.Column], mapped.Names[child.Column], childPath, problems);
            }
            else
            {
                Write(writer, child, mapped, problems, childPath);
            }
        }

        writer.WriteEndObject();
        return true;
    }

    private bool HasValue(CsvColumnTree node) =>
        node.Column >= 0 ? IsPresent(node.Column) : node.Children.Any(HasValue);

    private bool IsPresent(int column) =>
        column < rows.Fields.Count && rows.Fields[column] is { Length: > 0 } cell && cell != options.NullMarker;

    private static void WriteCell(Utf8JsonWriter writer, string cell, IngestionField field, string column, string path, List<RowProblem> problems)
    {
        switch (field.Kind)
        {
            case IngestionFieldKind.Integer when IngestionValues.TryInteger(cell, out var integer):
                writer.WriteNumberValue(integer);
                return;
            case IngestionFieldKind.Number when IngestionValues.TryNumber(cell, out var number):
                writer.WriteRawValue(number, skipInputValidation: true);
                return;
            case IngestionFieldKind.Boolean when IngestionValues.TryBoolean(cell, out var flag):
                writer.WriteBooleanValue(flag);
                return;
            case IngestionFieldKind.Date when IngestionValues.TryDate(cell, out var date)
                || (IngestionValues.TryInteger(cell, out var ms) && IngestionValues.TryEpochDate(ms, out date)):
                writer.WriteStringValue(date);
                return;
            case IngestionFieldKind.DateTime when IngestionValues.TryDateTime(cell, out var dateTime)
                || (IngestionValues.TryInteger(cell, out var epoch) && IngestionValues.TryEpochDateTime(epoch, out dateTime)):
                writer.WriteStringValue(dateTime);
                return;
            case IngestionFieldKind.String or IngestionFieldKind.Any:
                writer.WriteStringValue(cell);
                return;
        }

        problems.Add(new RowProblem(
            IngestionErrorCodes.RowInvalid,
            "type",
            path,
            $"Column '{column}' holds '{(cell.Length <= 64 ? cell : cell[..64] + "...")}', which cannot be converted to {field.Kind.ToString().ToLower(CultureInfo.InvariantCulture)}."));
        writer.WriteNullValue();
    }

    private SourceRecord Corrupted(string problem) => new(
        rows.Line,
        ReadOnlyMemory<byte>.Empty,
        [new RowProblem(IngestionErrorCodes.RowCorrupted, "syntax", "", $"Row is corrupted and cannot be read: {problem}.")],
        rows.Raw);
}
