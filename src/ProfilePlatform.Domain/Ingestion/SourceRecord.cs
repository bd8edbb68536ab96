namespace ProfilePlatform.Domain.Ingestion;

/// <summary>One record as a reader found it in a file: its row (the line it starts on for JSON lines and CSV, its position
/// for multi-line JSON and Parquet, from 1), its JSON (UTF-8), or the problem that kept it from being read.</summary>
/// <param name="Row">Where the record is in its file, from 1.</param>
/// <param name="Json">The record as UTF-8 JSON; valid until the reader moves on.</param>
/// <param name="Problems">Why the record cannot be taken (a row that does not parse, a CSV value that cannot be
/// converted); empty when <paramref name="Json"/> holds it.</param>
/// <param name="Raw">The row's text as it was in the file, for row error files; null where <paramref name="Json"/> is that text.</param>
public readonly record struct SourceRecord(long Row, ReadOnlyMemory<byte> Json, IReadOnlyList<RowProblem> Problems, string? Raw = null)
{
    public bool IsReadable => Problems.Count == 0;
}

/// <summary>Reads the records of one file, one at a time, holding at most one record (or one Parquet row group) in memory.</summary>
public interface IRecordReader : IAsyncDisposable
{
    /// <summary>The current record, after <see cref="ReadAsync"/> returned true.</summary>
    SourceRecord Current { get; }

    /// <summary>Moves to the next record; false at the end of the file. Throws <see cref="IngestionFileException"/> when the
    /// file as a whole cannot be read.</summary>
    ValueTask<bool> ReadAsync(CancellationToken ct);
}

/// <summary>A file that cannot be read at all in the batch's format (no Parquet footer, a CSV header naming no schema
/// field, multi-line JSON broken mid-file): AEP attaches such errors to the batch itself
/// (help/ingestion/quality/error-diagnostics.md, "Unreadable files", "Invalid schemas or headers").</summary>
public sealed class IngestionFileException : Exception
{
    public IngestionFileException()
        : this(IngestionErrorCodes.UnreadableFile, "The file cannot be read.")
    {
    }

    public IngestionFileException(string message)
        : this(IngestionErrorCodes.UnreadableFile, message)
    {
    }

    public IngestionFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = IngestionErrorCodes.UnreadableFile;
    }

    public IngestionFileException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The batch error code (<see cref="IngestionErrorCodes"/>).</summary>
    public string Code { get; }
}
