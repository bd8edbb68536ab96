using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Plain SQL on a store context's own connection and transaction, for the bulk paths EF's change tracking would
/// make slow (uploaded chunks, landed records): the same connection, so the same transaction and the same tenancy.</summary>
internal static class StoreCommands
{
    /// <summary>Opens the context's connection for the caller; disposing the result closes it again (EF counts opens).</summary>
    public static async Task<IAsyncDisposable> OpenAsync(PlatformDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new Closer(db);
    }

    /// <summary>A command on the open connection, in the context's current transaction if it has one.</summary>
    public static DbCommand Command(PlatformDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 0; // bulk writes of a large batch may take minutes; cancellation bounds them
        return command;
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The tenancy the context acts for; throws when it has none (tenant rows are never written without one).</summary>
    public static (string ImsOrg, string Sandbox) Tenant(PlatformDbContext db) =>
        (db.CurrentImsOrg ?? throw new InvalidOperationException("No organization is set for this store context."),
         db.CurrentSandbox ?? throw new InvalidOperationException("No sandbox is set for this store context."));

    private sealed class Closer(PlatformDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
