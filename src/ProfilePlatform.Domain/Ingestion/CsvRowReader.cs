using System.Text;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>Splits delimited text into rows of fields (RFC 4180 with the batch's delimiter, quote and escape characters):
/// quoted fields may hold delimiters, quotes (doubled, or after the escape character) and line breaks.</summary>
/// <remarks>Reads through a <see cref="StreamReader"/> in the batch's charset, one row at a time. A row's line is the line it
/// starts on. A quote left open at the end of the file makes the last row corrupted rather than swallowing the file.</remarks>
public sealed class CsvRowReader : IDisposable
{
    /// <summary>Longest row accepted, in characters.</summary>
    public const int MaxRowChars = 16 * 1024 * 1024;

    /// <summary>Characters of a row kept to show it in row error files.</summary>
    private const int MaxRawChars = 4096;

    private readonly StreamReader reader;
    private readonly CsvOptions options;
    private readonly char[] chunk = new char[64 * 1024];
    private readonly StringBuilder field = new();
    private readonly StringBuilder raw = new();
    private int position;
    private int length;
    private long line = 1;

    public CsvRowReader(Stream input, CsvOptions options)
    {
        this.options = options;
        reader = new StreamReader(input, options.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    }

    /// <summary>The fields of the row read last.</summary>
    public List<string> Fields { get; } = [];

    /// <summary>The line the row read last starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The row's text (up to 4,096 characters).</summary>
    public string Raw => raw.ToString();

    /// <summary>Why the row read last is corrupted (an unclosed quote, a row too long), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Reads the next row that holds anything; false at the end of the file.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            Fields.Clear();
            field.Clear();
            raw.Clear();
            Problem = null;
            Line = line;
            var quoted = false;
            var wasQuoted = false;
            var any = false;
            var rowChars = 0;
            while (true)
            {
                if (position == length)
                {
                    ct.ThrowIfCancellationRequested();
                    length = await reader.ReadAsync(chunk.AsMemory(), ct);
                    position = 0;
                    if (length == 0)
                    {
                        if (quoted)
                        {
                            Problem = "a quoted value is not closed before the end of the file";
                        }

                        if (!any && field.Length == 0 && Fields.Count == 0)
                        {
                            return false;
                        }

                        Fields.Add(field.ToString());
                        return true;
                    }
                }

                var c = chunk[position++];
                any = true;
                if (++rowChars > MaxRowChars)
                {
                    Problem = $"the row is longer than {MaxRowChars} characters";
                }

                if (raw.Length < MaxRawChars && c is not ('\r' or '\n'))
                {
                    raw.Append(c);
                }

                if (quoted)
                {
                    if (c == options.Escape && options.Escape != options.Quote)
                    {
                        var next = await PeekAsync(ct);
                        if (next is { } n && (n == options.Quote || n == options.Escape))
                        {
                            position++;
                            Append(n);
                            continue;
                        }

                        Append(c);
                    }
                    else if (c == options.Quote)
                    {
                        if (await PeekAsync(ct) == options.Quote)
                        {
                            position++;
                            Append(c);
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        Append(c);
                    }

                    continue;
                }

                if (c == options.Quote && field.Length == 0 && !wasQuoted)
                {
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == options.Delimiter)
                {
                    Fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                }
                else if (c == '\r')
                {
                    // Part of a line break (CRLF); a lone carriage return inside an unquoted value is dropped too.
                }
                else if (c == '\n')
                {
                    line++;
                    if (Fields.Count == 0 && field.Length == 0 && !wasQuoted)
                    {
                        // A blank line: nothing to read on it.
                        Line = line;
                        raw.Clear();
                        rowChars = 0;
                        continue;
                    }

                    Fields.Add(field.ToString());
                    return true;
                }
                else
                {
                    Append(c);
                }
            }
        }
    }

    public void Dispose() => reader.Dispose();

    private void Append(char c)
    {
        if (field.Length < MaxRowChars)
        {
            field.Append(c);
        }
    }

    private async ValueTask<char?> PeekAsync(CancellationToken ct)
    {
        if (position == length)
        {
            length = await reader.ReadAsync(chunk.AsMemory(), ct);
            position = 0;
            if (length == 0)
            {
                return null;
            }
        }

        return chunk[position];
    }
}
