using System.Buffers;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Reads JSON lines: one JSON object per line (help/ingestion/batch-ingestion/troubleshooting.md, "What is the
/// difference between JSON lines (single-line JSON) and multi-line JSON?"), streaming the file through a pooled buffer.</summary>
/// <remarks>Blank lines are skipped and still counted, so a record's row is its line number. A UTF-8 byte order mark at the
/// start is skipped. A line is not parsed here: the validator reads it, so a line that is not JSON becomes a 1401 row error
/// there. A line longer than <see cref="MaxRecordBytes"/> is reported as such and skipped without being held.</remarks>
public sealed class JsonLinesReader(Stream input) : IRecordReader
{
    public const int MaxRecordBytes = 16 * 1024 * 1024;
    private const int InitialBuffer = 1024 * 1024;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
    private int start;
    private int end;
    private bool eof;
    private bool first = true;
    private long line;

    public SourceRecord Current { get; private set; }

    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !eof)
            {
                if (end - start >= MaxRecordBytes)
                {
                    line++;
                    Current = TooLong(line);
                    await SkipLineAsync(ct);
                    return true;
                }

                await FillAsync(ct);
                continue;
            }

            if (newline < 0 && start == end)
            {
                return false;
            }

            var length = newline < 0 ? end - start : newline;
            var text = Trim(buffer.AsMemory(start, length));
            start += newline < 0 ? length : length + 1;
            line++;
            if (first)
            {
                first = false;
                if (text.Span.StartsWith("\uFEFF"u8))
                {
                    text = Trim(text[3..]);
                }
            }

            if (text.IsEmpty)
            {
                continue;
            }

            Current = new SourceRecord(line, text, []);
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        return ValueTask.CompletedTask;
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
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxRecordBytes + InitialBuffer));
            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        var read = await input.ReadAsync(buffer.AsMemory(end), ct);
        if (read == 0)
        {
            eof = true;
        }

        end += read;
    }

    private async Task SkipLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                return;
            }

            start = end = 0;
            if (eof)
            {
                return;
            }

            await FillAsync(ct);
        }
    }

    private static SourceRecord TooLong(long row) => new(
        row,
        ReadOnlyMemory<byte>.Empty,
        [new RowProblem(IngestionErrorCodes.RowCorrupted, "syntax", "", $"The line is longer than {MaxRecordBytes} bytes: split the record or shorten its values.")],
        "");

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> text)
    {
        var span = text.Span;
        var from = 0;
        var to = span.Length;
        while (from < to && span[from] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            from++;
        }

        while (to > from && span[to - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            to--;
        }

        return text[from..to];
    }
}
