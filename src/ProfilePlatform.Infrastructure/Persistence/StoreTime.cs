namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Timestamps as the Profile and identity stores keep them: UTC, to the millisecond. PostgreSQL keeps
/// microseconds and SQLite's DateTimeOffset conversion a tenth of a millisecond, and SQLite compares the stored value,
/// which only orders correctly at one offset; the millisecond is AEP's own granularity for these times.</summary>
internal static class StoreTime
{
    public static DateTimeOffset Of(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
