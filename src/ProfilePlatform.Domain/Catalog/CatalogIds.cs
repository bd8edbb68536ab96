using System.Security.Cryptography;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>The id formats Catalog hands out: 24-hex Mongo ObjectIds for datasets and views, ULIDs for batches.</summary>
/// <remarks>Datasets: <c>5c8c3c555033b814b69f947f</c> (help/catalog/api/create-dataset.md) — 4 bytes of Unix seconds, then
/// 8 random bytes, so ids sort roughly by creation like AEP's. Batches: the Import API's current form
/// <c>01E8043CY305K2MTV5ANH9G1GC</c> (help/ingestion/batch-ingestion/api-overview.md), a ULID — 48 bits of Unix
/// milliseconds and 80 random bits in Crockford base32.</remarks>
public static class CatalogIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A new 24-hex ObjectId-style id.</summary>
    public static string NewObjectId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)Math.Clamp(now.ToUnixTimeSeconds(), 0, uint.MaxValue);
        bytes[0] = (byte)(seconds >> 24);
        bytes[1] = (byte)(seconds >> 16);
        bytes[2] = (byte)(seconds >> 8);
        bytes[3] = (byte)seconds;
        RandomNumberGenerator.Fill(bytes[4..]);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A new 26-character ULID.</summary>
    public static string NewUlid(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)Math.Max(0, now.ToUnixTimeMilliseconds());
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        RandomNumberGenerator.Fill(bytes[6..]);

        // 128 bits as 26 base32 digits, most significant first (the first digit holds the top 3 bits).
        var high = ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32)
                   | ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7];
        var low = ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32)
                  | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15];
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(low & 31)];
            low = (low >> 5) | ((high & 31) << 59);
            high >>= 5;
        }

        return new string(chars);
    }

    /// <summary>Whether <paramref name="id"/> looks like an id Catalog could have issued; anything else cannot exist.</summary>
    /// <remarks>Ids from clients are looked up, never parsed: this only keeps absurd input (huge, control characters)
    /// out of queries and messages.</remarks>
    public static bool IsPlausible(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
