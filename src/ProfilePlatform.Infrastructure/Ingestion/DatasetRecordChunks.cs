using System.Buffers;
using System.Text;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>How landed records are cut into <see cref="DatasetRecordChunkRow"/>s and read back out of them.</summary>
internal static class DatasetRecordChunks
{
    /// <summary>Records per chunk at most: a preview of a few records decompresses one chunk, not a whole segment.</summary>
    public const int MaxRecords = 1000;

    /// <summary>Bytes per chunk at most (a chunk always takes at least one record, however long).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Cuts <paramref name="records"/> (in row order) into chunks of consecutive records of one file, each
    /// handed to <paramref name="write"/> with its bytes in a pooled buffer that is reused once the call returns.</summary>
    public static async Task CutAsync(IReadOnlyList<LandedRecord> records, Func<Chunk, Task> write)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes);
        try
        {
            var start = 0;
            while (start < records.Count)
            {
                var first = records[start];
                var length = first.Json.Length;
                var end = start + 1;
                while (end < records.Count && end - start < MaxRecords && records[end].FileIndex == first.FileIndex
                    && length + 1 + records[end].Json.Length <= MaxBytes)
                {
                    length += 1 + records[end].Json.Length;
                    end++;
                }

                if (buffer.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }

                var at = 0;
                for (var i = start; i < end; i++)
                {
                    if (i > start)
                    {
                        buffer[at++] = (byte)'\n';
                    }

                    records[i].Json.Span.CopyTo(buffer.AsSpan(at));
                    at += records[i].Json.Length;
                }

                await write(new Chunk(first.FileIndex, first.Row, end - start, buffer.AsMemory(0, length)));
                start = end;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The records of one chunk, in order, each as its JSON text.</summary>
    public static IEnumerable<string> Lines(byte[] records)
    {
        var start = 0;
        while (start <= records.Length)
        {
            var end = Array.IndexOf(records, (byte)'\n', start);
            if (end < 0)
            {
                end = records.Length;
            }

            yield return Encoding.UTF8.GetString(records, start, end - start);
            start = end + 1;
        }
    }

    /// <summary>One chunk to write: its file, the row of its first record, how many records, and their JSON lines.</summary>
    public readonly record struct Chunk(int FileIndex, long FirstRow, int RecordCount, ReadOnlyMemory<byte> Records);
}
