using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Reads multi-line JSON (<c>isMultiLineJson: true</c>): a JSON array of records, or records one after another,
/// each possibly spanning many lines (help/ingestion/batch-ingestion/troubleshooting.md, "How is multi-line JSON
/// ingested?"). Streams the file; only the record being read is held.</summary>
/// <remarks>A record's row is its position in the file, from 1. Each record is parsed on its own, so a broken one cannot be
/// skipped reliably: JSON that breaks off or does not parse ends the file with an <see cref="IngestionFileException"/>
/// naming the record and line, the "unreadable file" case AEP attaches to the batch.</remarks>
public sealed class MultiLineJsonReader(Stream input) : IRecordReader
{
    private const int InitialBuffer = 1024 * 1024;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int start;
    private int end;
    private bool eof;
    private bool begun;
    private bool inArray;
    private bool arrayClosed;
    private bool needComma;
    private long row;
    private long line = 1;

    public SourceRecord Current { get; private set; }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        if (!begun)
        {
            await BeginAsync(ct);
        }

        while (true)
        {
            if (!await SkipWhitespaceAsync(ct))
            {
                if (inArray && !arrayClosed)
                {
                    throw Broken("the array is not closed with ']'");
                }

                return false;
            }

            var next = buffer[start];
            if (arrayClosed)
            {
                throw Broken($"'{(char)next}' follows the closing ']' of the array");
            }

            if (inArray)
            {
                if (next == (byte)']')
                {
                    start++;
                    arrayClosed = true;
                    continue;
                }

                if (needComma)
                {
                    if (next != (byte)',')
                    {
                        throw Broken($"',' or ']' was expected after record {row} but '{(char)next}' was found");
                    }

                    start++;
                    needComma = false;
                    continue;
                }
            }

            var length = await ValueLengthAsync(ct);
            row++;
            var json = buffer.AsMemory(start, length);
            line += json.Span.Count((byte)'\n');
            start += length;
            needComma = inArray;
            Current = new SourceRecord(row, json, []);
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        return ValueTask.CompletedTask;
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        begun = true;
        if (!await SkipWhitespaceAsync(ct))
        {
            return;
        }

        if (end - start >= 3 && buffer.AsSpan(start, 3).SequenceEqual("\uFEFF"u8))
        {
            start += 3;
            if (!await SkipWhitespaceAsync(ct))
            {
                return;
            }
        }

        if (buffer[start] == (byte)'[')
        {
            inArray = true;
            start++;
        }
    }

    /// <summary>The length of the JSON value at <see cref="start"/>, reading more of the file until it is whole.</summary>
    private async Task<int> ValueLengthAsync(CancellationToken ct)
    {
        while (true)
        {
            var state = Measure(buffer.AsSpan(start, end - start), eof, out var length, out var error);
            switch (state)
            {
                case Measured.Whole:
                    return length;
                case Measured.Broken:
                    throw Broken(error);
            }

            if (eof)
            {
                throw Broken("the file ends inside the record");
            }

            if (end - start >= JsonLinesReader.MaxRecordBytes)
            {
                throw Broken($"the record is longer than {JsonLinesReader.MaxRecordBytes} bytes");
            }

            await FillAsync(ct);
        }
    }

    private enum Measured
    {
        Whole,
        Incomplete,
        Broken,
    }

    private static Measured Measure(ReadOnlySpan<byte> data, bool final, out int length, out string error)
    {
        length = 0;
        error = "";
        var reader = new Utf8JsonReader(data, final, new JsonReaderState(new JsonReaderOptions { MaxDepth = 256, AllowMultipleValues = true }));
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return Measured.Incomplete;
            }

            length = (int)reader.BytesConsumed;
            return Measured.Whole;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return Measured.Broken;
        }
    }

    /// <summary>Moves past whitespace; false at the end of the file.</summary>
    private async Task<bool> SkipWhitespaceAsync(CancellationToken ct)
    {
        while (true)
        {
            while (start < end && buffer[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                if (buffer[start] == (byte)'\n')
                {
                    line++;
                }

                start++;
            }

            if (start < end)
            {
                return true;
            }

            if (eof)
            {
                return false;
            }

            await FillAsync(ct);
        }
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, JsonLinesReader.MaxRecordBytes + InitialBuffer));
            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        var read = await input.ReadAsync(buffer.AsMemory(end), ct);
        eof = read == 0;
        end += read;
    }

    private IngestionFileException Broken(string problem) => new(
        IngestionErrorCodes.UnreadableFile,
        $"The file is not valid multi-line JSON at record {(row + 1).ToString(CultureInfo.InvariantCulture)} (line {line.ToString(CultureInfo.InvariantCulture)}): {problem}. "
        + "Send one JSON array of records, or records one after another.");
}
