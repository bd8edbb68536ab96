using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Errors that say "another transaction got in the way; run the whole transaction again": a PostgreSQL deadlock
/// (<c>40P01</c>), serialization failure (<c>40001</c>) or lock timeout (<c>55P03</c>), or SQLite's busy/locked database.
/// Nothing about the data is wrong, so a batch attempt that ends with one is run again rather than counted as a failure.</summary>
internal static class TransientStoreError
{
    public static bool Is(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
            }
        }

        return false;
    }
}
