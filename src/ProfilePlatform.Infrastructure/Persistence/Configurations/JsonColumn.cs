using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Maps a domain value to a JSON text column (text on both stores): serialized on write, read back on load,
/// and compared by its JSON so EF sees a change only when the content changes.</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A value System.Text.Json can round-trip (records, lists of records).</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) =>
        property.AsJson(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    /// <summary>A value with its own JSON form.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property, Func<T, string> write, Func<string, T> read)
    {
        property.HasConversion(
            v => write(v),
            s => read(s),
            new ValueComparer<T>(
                (a, b) => ReferenceEquals(a, b) || (a != null && b != null && write(a) == write(b)),
                v => v == null ? 0 : write(v).GetHashCode(StringComparison.Ordinal),
                v => v));
        return property;
    }
}
