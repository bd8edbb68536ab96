using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>The transaction of one store operation that must read and write atomically (the identity graph and
/// Profile stores): its own transaction, or a savepoint when the caller already holds one — dataset deletion and batch
/// ingestion run their work inside a transaction of their own, and a savepoint lets this operation be retried without
/// losing theirs.</summary>
/// <remarks>
/// <para>Writes: on PostgreSQL READ COMMITTED (the stores serialise with advisory locks, docs/identity-graph.md); on
/// SQLite <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's non-deferred transaction), which takes the database's write
/// lock first, so writers run one at a time and a read never has to be upgraded to a write.</para>
/// <para>Reads: on PostgreSQL REPEATABLE READ, so that several queries see one snapshot; on SQLite a deferred
/// transaction, which does not block writers in WAL mode and holds one snapshot until it ends.</para>
/// <para>A lock taken after a savepoint (including PostgreSQL's transaction-level advisory locks) is released when the
/// savepoint is rolled back to; locks taken before it stay held until the caller's transaction ends.</para>
/// </remarks>
internal sealed class StoreUnit : IAsyncDisposable
{
    private readonly PlatformDbContext _db;
    private readonly IDbContextTransaction? _own;
    private readonly SqliteTransaction? _deferred;
    private readonly string? _savepoint;
    private bool _finished;

    private StoreUnit(PlatformDbContext db, IDbContextTransaction? own, SqliteTransaction? deferred, string? savepoint)
    {
        _db = db;
        _own = own;
        _deferred = deferred;
        _savepoint = savepoint;
    }

    /// <summary>Whether the unit runs inside the caller's transaction (its locks outlive the unit).</summary>
    public bool IsNested => _savepoint is not null || (_own is null && _deferred is null);

    public static async Task<StoreUnit> BeginWriteAsync(PlatformDbContext db, CancellationToken ct)
    {
        StoreUnit unit;
        if (db.Database.CurrentTransaction is { } ambient)
        {
            var name = "pp_unit_" + Guid.NewGuid().ToString("N")[..12];
            await ambient.CreateSavepointAsync(name, ct);
            unit = new StoreUnit(db, null, null, name);
        }
        else
        {
            var own = db.Database.IsNpgsql()
                ? await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct)
                : await db.Database.BeginTransactionAsync(ct); // SQLite: BEGIN IMMEDIATE
            unit = new StoreUnit(db, own, null, null);
        }

        await PlanForCurrentSizesAsync(db, ct);
        return unit;
    }

    public static async Task<StoreUnit> BeginReadAsync(PlatformDbContext db, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new StoreUnit(db, null, null, null);
        }

        if (db.Database.IsNpgsql())
        {
            var unit = new StoreUnit(db, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct), null, null);
            await PlanForCurrentSizesAsync(db, ct);
            return unit;
        }

        await db.Database.OpenConnectionAsync(ct);
        var deferred = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(deferred, ct);
        return new StoreUnit(db, null, deferred, null);
    }

    /// <summary>PostgreSQL: plans this transaction's statements for the tables as they are now
    /// (<c>plan_cache_mode = force_custom_plan</c>, reverted when the transaction or savepoint ends). Npgsql prepares
    /// hot statements, and PostgreSQL then reuses a generic plan made when they were first run: on a fresh install that
    /// is when the identity and Profile tables were empty, so the plan scans the whole table — the first large batch
    /// turned every point update and key lookup into a table scan until autovacuum analyzed the tables. Planning afresh
    /// costs a fraction of a millisecond per statement; these operations run a handful of statements for hundreds of
    /// records.</summary>
    private static async Task PlanForCurrentSizesAsync(PlatformDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        _finished = true;
        if (_own is not null)
        {
            await _own.CommitAsync(ct);
        }
        else if (_deferred is not null)
        {
            await _deferred.CommitAsync(ct);
        }
        else if (_savepoint is not null)
        {
            await _db.Database.CurrentTransaction!.ReleaseSavepointAsync(_savepoint, ct);
        }
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        if (_own is not null)
        {
            await _own.RollbackAsync(ct);
        }
        else if (_deferred is not null)
        {
            await _deferred.RollbackAsync(ct);
        }
        else if (_savepoint is not null && _db.Database.CurrentTransaction is { } ambient)
        {
            await ambient.RollbackToSavepointAsync(_savepoint, ct);
            await ambient.ReleaseSavepointAsync(_savepoint, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await RollbackAsync(CancellationToken.None);
        }

        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
        else if (_deferred is not null)
        {
            await _db.Database.UseTransactionAsync(null);
            await _deferred.DisposeAsync();
            await _db.Database.CloseConnectionAsync();
        }
    }
}
