using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Reads a Parquet file as records, one row group at a time (Parquet.Net's untyped reader): each row becomes a
/// JSON object with the file's field names, structs as objects, lists as arrays, maps as objects, timestamps as RFC 3339
/// date-times and dates as full-dates; then values are converted and validated like any record.</summary>
/// <remarks>Memory is bounded by the largest row group, not by the file. The stream must be seekable: Parquet keeps its
/// schema in a footer at the end of the file. A file without a valid footer, or whose top-level fields are not fields of
/// the dataset's schema, cannot be read at all (<see cref="IngestionFileException"/>); without a schema (a preview) any fields are read.</remarks>
public sealed class ParquetRecordReader(Stream input, IngestionSchema? schema) : IRecordReader
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    private readonly ArrayBufferWriter<byte> output = new(4096);
    private IList<Dictionary<string, object>> rows = [];
    private int rowGroups = -1;
    private int nextGroup;
    private int nextRow;
    private long row;

    public SourceRecord Current { get; private set; }

    /// <summary>Reads the footer and checks the file's top-level fields against the schema; returns their names.</summary>
    public async Task<IReadOnlyList<string>> ReadSchemaAsync(CancellationToken ct)
    {
        input.Position = 0;
        if (input.Length == 0)
        {
            throw new IngestionFileException(IngestionErrorCodes.EmptyFile, "Dataset file is empty. Please upload file with data.");
        }

        try
        {
            await using var reader = await ParquetReader.CreateAsync(input, Options, leaveStreamOpen: true, ct);
            rowGroups = reader.RowGroupCount;
            var names = reader.Schema.Fields.Select(f => f.Name).ToList();
            var unknown = schema is null ? [] : names.Where(n => !schema.Root.Properties.ContainsKey(n)).ToList();
            if (unknown.Count > 0)
            {
                throw new IngestionFileException(
                    IngestionErrorCodes.HeaderMismatch,
                    $"The Parquet file's fields do not match the dataset's schema: {string.Join(", ", unknown.Take(10).Select(n => $"'{n}'"))} "
                    + $"{(unknown.Count == 1 ? "is not a field" : "are not fields")} of the schema. Name the file's top-level fields after the schema's.");
            }

            return names;
        }
        catch (Exception ex) when (ex is not (IngestionFileException or OperationCanceledException))
        {
            throw Unreadable(ex);
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (rowGroups < 0)
        {
            await ReadSchemaAsync(ct);
        }

        while (nextRow >= rows.Count)
        {
            if (nextGroup >= rowGroups)
            {
                return false;
            }

            try
            {
                input.Position = 0;
                rows = (await ParquetSerializer.DeserializeUntypedAsync(input, Options, nextGroup, ct)).Data;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw Unreadable(ex);
            }

            nextGroup++;
            nextRow = 0;
        }

        var values = rows[nextRow];
        rows[nextRow++] = null!; // the row group's rows are let go one by one
        row++;
        output.Clear();
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            WriteValue(writer, values, 0);
        }

        Current = new SourceRecord(row, output.WrittenMemory, []);
        return true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 128)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case ReadOnlyMemory<char> chars:
                writer.WriteStringValue(chars.Span);
                break;
            case ReadOnlyMemory<byte> raw:
                writer.WriteBase64StringValue(raw.Span);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case sbyte or byte or short or ushort or int or uint or long:
                writer.WriteNumberValue(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                writer.WriteNumberValue(u);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case DateTime dt:
                writer.WriteStringValue(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TimeSpan or TimeOnly or Guid:
                writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case IDictionary<string, object> record:
                writer.WriteStartObject();
                foreach (var (name, member) in record)
                {
                    if (member is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    WriteValue(writer, member, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    if (entry.Value is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static IngestionFileException Unreadable(Exception ex) => new(
        IngestionErrorCodes.UnreadableFile,
        $"The file cannot be read as Parquet ({ex.GetType().Name}: {Short(ex.Message)}): upload a valid Parquet file, or create the batch with the file's format.",
        ex);

    private static string Short(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
