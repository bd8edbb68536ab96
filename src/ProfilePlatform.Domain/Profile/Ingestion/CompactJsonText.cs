using System.Buffers;
using System.Text.Json;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>Recognises JSON text that is already exactly what <see cref="JsonSerializer"/> writes for it (no whitespace
/// between tokens, no escape sequences, no character the default encoder escapes), so ingestion can keep a record's bytes
/// as they came instead of writing them again: the text Profile stores stays the same either way.</summary>
/// <remarks>Numbers and literals are written as they were read; only strings and whitespace can differ, so checking those
/// is enough. Conservative: any string character outside a fixed set of printable ASCII sends the record through the
/// writer.</remarks>
public static class CompactJsonText
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    /// <summary>Printable ASCII the default encoder leaves as it is (everything but <c>"</c> <c>\</c> <c>&amp;</c>
    /// <c>'</c> <c>+</c> <c>&lt;</c> <c>&gt;</c> and the backtick).</summary>
    private static readonly SearchValues<byte> Unescaped = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"u8);

    /// <summary>Whether <paramref name="json"/> (valid JSON) is written back unchanged by the serializer.</summary>
    public static bool IsAsWritten(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty || json[0] is not ((byte)'{' or (byte)'['))
        {
            return false; // a byte order mark, or a scalar
        }

        var rest = json;
        while (true)
        {
            var quote = rest.IndexOf((byte)'"');
            if ((quote < 0 ? rest : rest[..quote]).IndexOfAny(Whitespace) >= 0)
            {
                return false;
            }

            if (quote < 0)
            {
                return true;
            }

            rest = rest[(quote + 1)..];
            var end = rest.IndexOfAny(StringEnd);
            if (end < 0 || rest[end] == (byte)'\\' || rest[..end].IndexOfAnyExcept(Unescaped) >= 0)
            {
                return false;
            }

            rest = rest[(end + 1)..];
        }
    }
}
