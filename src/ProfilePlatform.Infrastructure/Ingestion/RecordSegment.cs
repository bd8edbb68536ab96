using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>A few thousand records of one file, copied out of the reader's buffer into one array, then checked in parallel:
/// the unit the worker validates, writes and hands to sinks, so memory stays bounded whatever the file's size. Segments
/// are reused (<see cref="Reset"/>): their arrays are allocated once per batch, not once per segment.</summary>
internal sealed class RecordSegment(int capacity)
{
    /// <summary>Bytes of record text a segment holds before it is full (beside the record count).</summary>
    public const int MaxArenaBytes = 8 * 1024 * 1024;

    private readonly List<Item> items = new(capacity);
    private byte[] arena = new byte[1024 * 1024];
    private CheckedRecord[] results = new CheckedRecord[capacity];
    private object?[][] prepared = [];
    private int used;

    public int Count => items.Count;

    public bool IsFull => items.Count >= capacity || used >= MaxArenaBytes;

    /// <summary>The outcome of record <paramref name="i"/>, once <see cref="Check"/> ran.</summary>
    public CheckedRecord Result(int i) => results[i];

    public long Row(int i) => items[i].Row;

    /// <summary>What preparer <paramref name="preparer"/> made of accepted record <paramref name="i"/> during
    /// <see cref="Check"/>, or null.</summary>
    public object? Prepared(int preparer, int i) => preparer < prepared.Length ? prepared[preparer][i] : null;

    /// <summary>The record's text as it was read (for row error files).</summary>
    public string Raw(int i)
    {
        var item = items[i];
        return item.Raw ?? System.Text.Encoding.UTF8.GetString(arena, item.Offset, Math.Min(item.Length, 64 * 1024));
    }

    public void Add(SourceRecord record)
    {
        var json = record.Json.Span;
        if (used + json.Length > arena.Length)
        {
            Array.Resize(ref arena, Math.Max(arena.Length * 2, used + json.Length));
        }

        json.CopyTo(arena.AsSpan(used));
        items.Add(new Item(record.Row, used, json.Length, record.Problems, record.Raw));
        used += json.Length;
    }

    /// <summary>Checks every record, on up to <paramref name="threads"/> threads (the check is thread-safe), and hands each
    /// accepted record to the <paramref name="preparers"/> (null entries skipped) in the same pass.</summary>
    public void Check(RecordCheck check, int threads, IReadOnlyList<IRecordPreparer?>? preparers = null)
    {
        if (results.Length < items.Count)
        {
            results = new CheckedRecord[items.Count];
        }

        var count = preparers?.Count ?? 0;
        if (prepared.Length != count)
        {
            prepared = new object?[count][];
        }

        for (var p = 0; p < count; p++)
        {
            if (prepared[p] is null || prepared[p].Length < items.Count)
            {
                prepared[p] = new object?[Math.Max(items.Count, capacity)];
            }
        }

        var output = results;
        var outputPrepared = prepared;
        var local = arena;
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var item = items[i];
            var result = check.Check(new SourceRecord(item.Row, local.AsMemory(item.Offset, item.Length), item.Problems, item.Raw));
            output[i] = result;
            for (var p = 0; p < count; p++)
            {
                outputPrepared[p][i] = result.IsAccepted && preparers![p] is { } preparer ? Prepare(preparer, result.Json) : null;
            }
        });
    }

    /// <summary>A preparation that throws is left to the sink, which then does the work itself (and meets the problem
    /// in the writer, where it always met it).</summary>
    private static object? Prepare(IRecordPreparer preparer, ReadOnlyMemory<byte> json)
    {
        try
        {
            return preparer.Prepare(json);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Empties the segment for the next records, keeping its arrays.</summary>
    public void Reset()
    {
        items.Clear();
        Array.Clear(results);
        foreach (var p in prepared)
        {
            Array.Clear(p);
        }

        used = 0;
    }

    private readonly record struct Item(long Row, int Offset, int Length, IReadOnlyList<RowProblem> Problems, string? Raw);
}
