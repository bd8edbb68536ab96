using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>PostgreSQL transaction-level advisory locks (<c>pg_advisory_xact_lock(class, key)</c>), taken in
/// ascending key order within a class so that writers never wait on each other in a cycle; released when the
/// transaction (or the savepoint they were taken after) ends.</summary>
/// <remarks>The two-integer form keeps the classes apart from each other and from EF's migration lock (one bigint).
/// Keys are 32-bit hashes of (organization, sandbox, name): a collision only makes two names share a lock.</remarks>
internal static class AdvisoryLocks
{
    /// <summary>One identity (its XID) that a graph writer may create.</summary>
    public const int IdentityClass = 7301;

    /// <summary>One identity graph (its graph id).</summary>
    public const int GraphClass = 7302;

    /// <summary>One Profile fragment (dataset + primary identity XID).</summary>
    public const int FragmentClass = 7303;

    /// <summary>One lock per (org, sandbox): shared by a store write in its own transaction, exclusive by one inside a
    /// caller's transaction (see <see cref="LockForWriteAsync"/>).</summary>
    public const int TenantClass = 7304;

    /// <summary>More per-key locks than this in one store write take the sandbox's lock exclusively instead: PostgreSQL's
    /// lock table holds max_locks_per_transaction (64 by default) × max_connections locks for the whole server.</summary>
    public const int MaxKeyLocks = 1_000;

    /// <summary>The locks of one store write. In its own transaction: the tenant's lock shared, then the per-key locks
    /// of <paramref name="lockClass"/>, released at its commit. Inside a caller's transaction (batch ingestion, dataset
    /// deletion, a revert): per-key transaction locks would pile up until that transaction commits — a 20,000-record
    /// profile batch ran PostgreSQL out of lock-table memory (max_locks_per_transaction) — so the write takes the tenant's
    /// lock exclusively instead (one lock, however often it is taken) and no per-key locks: until the caller commits,
    /// no other writer of the sandbox's identity graph or fragments runs, so none can interleave with it. A write in its
    /// own transaction with more than <see cref="MaxKeyLocks"/> keys does the same, until its own commit.</summary>
    /// <returns>Whether the sandbox's lock was taken exclusively (no other writer of the sandbox runs).</returns>
    public static async Task<bool> LockForWriteAsync(PlatformDbContext db, bool nested, int lockClass, TenantKey tenant, IEnumerable<string> names, CancellationToken ct)
    {
        var keys = names.Select(n => Key(tenant, n)).Distinct().Order().ToArray();
        if (nested || keys.Length > MaxKeyLocks)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [TenantClass, Key(tenant, "")], ct);
            return true;
        }

        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock_shared({0}, {1})", [TenantClass, Key(tenant, "")], ct);
        await LockKeysAsync(db, lockClass, keys, ct);
        return false;
    }

    /// <summary>Takes the locks of <paramref name="names"/> in class <paramref name="lockClass"/>, waiting for each.</summary>
    public static Task LockAsync(PlatformDbContext db, int lockClass, TenantKey tenant, IEnumerable<string> names, CancellationToken ct) =>
        LockKeysAsync(db, lockClass, [.. names.Select(n => Key(tenant, n)).Distinct().Order()], ct);

    private static async Task LockKeysAsync(PlatformDbContext db, int lockClass, int[] keys, CancellationToken ct)
    {
        if (keys.Length == 0)
        {
            return;
        }

        // unnest yields the keys in array order and each row's lock is taken as the row is produced.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, k) FROM unnest({1}) AS k", [lockClass, keys], ct);
    }

    /// <summary>The 32-bit key of a name within a tenant.</summary>
    public static int Key(TenantKey tenant, string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{tenant.ImsOrg}\n{tenant.Sandbox}\n{name}"), hash);
        return BinaryPrimitives.ReadInt32LittleEndian(hash);
    }
}
