using Npgsql;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Which store errors mean "another writer got in the way, run the operation again": on PostgreSQL a
/// deadlock (<c>40P01</c>), a serialization failure (<c>40001</c>) or a unique violation from a racing insert
/// (<c>23505</c>). SQLite serialises writers, so nothing there is retried.</summary>
internal static class StoreRetry
{
    /// <summary>How many times a read-modify-write runs before its error is let through.</summary>
    public const int MaxAttempts = 25;

    public static bool IsRetryable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return pg.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation;
            }
        }

        return false;
    }

    /// <summary>A short random pause before attempt <paramref name="attempt"/> + 1, growing with the attempts, so
    /// that writers that collided do not collide again in lockstep.</summary>
    public static Task BackoffAsync(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + Math.Min(200, 4 * attempt))), ct);
}
