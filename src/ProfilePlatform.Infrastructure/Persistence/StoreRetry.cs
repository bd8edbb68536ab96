using Npgsql;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Which store errors mean "another writer got in the way, run the operation again": on PostgreSQL a
/// deadlock (<c>40P01</c>), a serialization failure (<c>40001</c>) or a unique violation from a racing insert
/// (<c>23505</c>). SQLite serialises writers, so nothing there is retried.</summary>
/// <remarks>Inside a caller's transaction (batch ingestion, dataset deletion) a deadlock or serialization failure is not
/// retried here: the cycle runs through locks the caller took before this operation's savepoint, which rolling back to it
/// does not release, so every retry would wait out the deadlock timeout and deadlock again. The error goes to the caller,
/// whose whole transaction is run again (a batch attempt is, see IngestionWorker).</remarks>
internal static class StoreRetry
{
    /// <summary>How many times a read-modify-write runs before its error is let through.</summary>
    public const int MaxAttempts = 25;

    public static bool IsRetryable(Exception ex, bool nested = false)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return pg.SqlState == PostgresErrorCodes.UniqueViolation
                    || (!nested && pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure);
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="ex"/> is PostgreSQL's unique violation (<c>23505</c>): a direct COPY met a key
    /// that was stored after all, and the operation runs again on its upsert path.</summary>
    public static bool IsUniqueViolation(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return pg.SqlState == PostgresErrorCodes.UniqueViolation;
            }
        }

        return false;
    }

    /// <summary>A short random pause before attempt <paramref name="attempt"/> + 1, growing with the attempts, so
    /// that writers that collided do not collide again in lockstep.</summary>
    public static Task BackoffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + Math.Min(200, 4 * attempt))), ct);
}
