using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>The durable message log with group commit: requests hand their messages to a queue and wait; a writer takes
/// everything queued, commits it in one statement (PostgreSQL binary <c>COPY</c>, one transaction of prepared
/// <c>INSERT</c>s on SQLite) and only then releases each waiting request.</summary>
/// <remarks>
/// <para>One commit per request caps streaming near the store's commit rate (~4k/s here); with group commit the cost of a
/// commit is shared by every request that arrived while the previous one ran, so throughput grows with concurrency while
/// each request is still answered after its own data is durable. <see cref="StreamingOptions.Writers"/> writers run at once,
/// so one gathers while another commits.</para>
/// <para>A failed commit fails every request of that group (the producer retries, as DCS asks on 5xx); nothing of it is kept.</para>
/// </remarks>
internal sealed class GroupCommitMessageLog : IStreamingMessageLog, IAsyncDisposable
{
    private const string Copy =
        """COPY "streaming_messages" ("ims_org", "sandbox", "data_set_id", "inlet_id", "is_valid", "xaction_id", "received_ms", "record") FROM STDIN (FORMAT BINARY)""";

    private const string Insert =
        """INSERT INTO "streaming_messages" ("ims_org", "sandbox", "data_set_id", "inlet_id", "is_valid", "xaction_id", "received_ms", "record") VALUES (@org, @sandbox, @dataset, @inlet, @valid, @xaction, @received, @record)""";

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly IPlatformContextFactory contexts;
    private readonly StreamingOptions options;
    private readonly ILogger<GroupCommitMessageLog> log;
    private readonly StreamingTargetSignals signals;
    private readonly Task[] writers;

    public GroupCommitMessageLog(IPlatformContextFactory contexts, StreamingOptions options, StreamingTargetSignals signals, ILogger<GroupCommitMessageLog> log)
    {
        this.contexts = contexts;
        this.options = options;
        this.signals = signals;
        this.log = log;
        writers = [.. Enumerable.Range(0, Math.Max(1, options.Writers)).Select(_ => Task.Run(WriteLoopAsync))];
    }

    public async Task AppendAsync(IReadOnlyList<StreamedMessage> messages, CancellationToken ct)
    {
        var pending = new Pending(messages, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The streaming message log is shutting down.");
        }

        // Not cancelled by the request: once queued the messages may be committed, and the writer must be able to answer.
        await pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(writers);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var count = 0;
            while (count < options.MaxMessagesPerCommit && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                count += next.Messages.Count;
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(group, CancellationToken.None);
                foreach (var m in group.SelectMany(p => p.Messages))
                {
                    signals.Add(new StreamingTarget(m.Tenant.ImsOrg, m.Tenant.Sandbox, m.DatasetId, m.IsValid));
                }

                foreach (var p in group)
                {
                    p.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Committing {Count} streamed messages failed; their requests are answered with an error", count);
                foreach (var p in group)
                {
                    p.Done.TrySetException(ex);
                }
            }
        }
    }

    private async Task CommitAsync(List<Pending> group, CancellationToken ct)
    {
        await using var db = contexts.Create(new TenancyContext());
        await db.Database.OpenConnectionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // One COPY is one transaction by itself: all rows of the group are committed together or not at all.
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var importer = await connection.BeginBinaryImportAsync(Copy, ct);
            foreach (var m in group.SelectMany(p => p.Messages))
            {
                await importer.StartRowAsync(ct);
                await importer.WriteAsync(m.Tenant.ImsOrg, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(m.Tenant.Sandbox, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(m.DatasetId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(m.InletId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(m.IsValid, NpgsqlDbType.Boolean, ct);
                await importer.WriteAsync(m.XactionId, NpgsqlDbType.Varchar, ct);
                await importer.WriteAsync(m.ReceivedMs, NpgsqlDbType.Bigint, ct);
                await importer.WriteAsync(Encoding.UTF8.GetString(m.Record), NpgsqlDbType.Text, ct);
            }

            await importer.CompleteAsync(ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var command = StoreCommands.Command(db, Insert);
        var org = StoreCommands.Parameter(command, "@org", "");
        var sandbox = StoreCommands.Parameter(command, "@sandbox", "");
        var dataset = StoreCommands.Parameter(command, "@dataset", "");
        var inlet = StoreCommands.Parameter(command, "@inlet", "");
        var valid = StoreCommands.Parameter(command, "@valid", false);
        var xaction = StoreCommands.Parameter(command, "@xaction", "");
        var received = StoreCommands.Parameter(command, "@received", 0L);
        var record = StoreCommands.Parameter(command, "@record", "");
        await command.PrepareAsync(ct);
        foreach (var m in group.SelectMany(p => p.Messages))
        {
            org.Value = m.Tenant.ImsOrg;
            sandbox.Value = m.Tenant.Sandbox;
            dataset.Value = m.DatasetId;
            inlet.Value = m.InletId;
            valid.Value = m.IsValid;
            xaction.Value = m.XactionId;
            received.Value = m.ReceivedMs;
            record.Value = Encoding.UTF8.GetString(m.Record);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private sealed record Pending(IReadOnlyList<StreamedMessage> Messages, TaskCompletionSource Done);
}
