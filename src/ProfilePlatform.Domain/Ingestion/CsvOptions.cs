using System.Text;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Domain.Ingestion;

/// <summary>How a batch's CSV files are written (catalog.yaml <c>inputFormat</c>: delimiter, quote, escape, nullMarker,
/// charset; defaults <c>,</c> <c>"</c> <c>\</c> and UTF-8 as batch-ingestion.yaml's preview parameters give them).</summary>
public sealed record CsvOptions(char Delimiter = ',', char Quote = '"', char Escape = '\\', string? NullMarker = null, string Charset = "UTF-8")
{
    public static CsvOptions Default { get; } = new();

    public static CsvOptions Of(BatchInputFormat format) => new(
        format.Delimiter is [var d] ? d : ',',
        format.Quote is [var q] ? q : '"',
        format.Escape is [var e] ? e : '\\',
        format.NullMarker,
        format.Charset ?? "UTF-8");

    public Encoding Encoding => Charset.ToUpperInvariant() switch
    {
        "US-ASCII" => Encoding.ASCII,
        "ISO-8859-1" => Encoding.Latin1,
        _ => new UTF8Encoding(false),
    };
}
