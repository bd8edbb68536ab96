using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>The entities lookup's read in one round trip: one command of two statements (the same SQL on PostgreSQL and
/// SQLite) — one row with the sandbox's liveness (when the gateway deferred that check) and the merge policies' version,
/// then one statement that finds the identity's graph through its vertex, the graph's members by <c>graph_id</c> and the
/// fragments of every member (of the identity alone when it is in no graph).</summary>
/// <remarks>
/// <para>Why plain SQL: through EF the same lookup took a transaction and six statements (graph ids, vertices, links and
/// link sources under REPEATABLE READ, then the fragments), each opening and resetting a pooled connection; the lookup
/// needs neither links nor provenance, and the graph's members are exactly the vertices sharing its <c>graph_id</c> (every
/// graph mutation rewrites the ids of the components it touches in one transaction, docs/identity-graph.md).</para>
/// <para>Why no transaction: the members and fragments come from one statement, hence one snapshot even under READ
/// COMMITTED. The version is read by the statement before; a policy change committed between the two is a change made
/// just after this lookup. Tenancy is explicit here (<c>ims_org</c>/<c>sandbox</c> in every predicate), as raw SQL
/// bypasses the context's query filters.</para>
/// <para>The sandbox check: when the gateway deferred it (<see cref="TenancyContext.SandboxVerified"/> false), the command
/// checks in its first statement that the sandbox is live, so a profile GET costs one round trip in all; when it is not,
/// the gateway's own check runs (its error, or the default sandbox created) before the data is read again.</para>
/// </remarks>
internal sealed class SqlProfileLookupReader(PlatformDbContext db, ProfileLookupDataSource? postgres = null) : IProfileLookupReader
{
    /// <summary>The first statement, one row: whether the request's sandbox is live (1, else null) when the gateway
    /// deferred that check to this command (<see cref="TenancyContext.DeferSandboxCheck"/>), and the merge policies'
    /// stored version (null when not provisioned).</summary>
    private const string CheckedHeaderSql =
        "SELECT (SELECT 1 FROM sandboxes s WHERE s.ims_org = @org AND s.name = @sandbox AND s.state = 'Active'), p.revision, p.provisioned\n" +
        "FROM (SELECT 1 AS one) o LEFT JOIN profile_merge_policy_sandboxes p ON p.ims_org = @org AND p.sandbox = @sandbox;\n";

    private const string HeaderSql =
        "SELECT NULL, p.revision, p.provisioned\n" +
        "FROM (SELECT 1 AS one) o LEFT JOIN profile_merge_policy_sandboxes p ON p.ims_org = @org AND p.sandbox = @sandbox;\n";

    private const string FragmentColumns =
        "f.dataset_id, f.batch_id, f.primary_namespace, f.primary_value, f.identities, f.record, f.ingested_at";

    /// <summary>The identity's vertex, every vertex of its graph (itself included) with their fragments (none, one per
    /// dataset); or, when the identity is in no graph, just its own fragments.</summary>
    private const string StitchedSql =
        "SELECT m.xid, m.namespace_code, m.value, " + FragmentColumns + "\n" +
        "FROM identity_vertices r\n" +
        "JOIN identity_vertices m ON m.graph_id = r.graph_id AND m.ims_org = @org AND m.sandbox = @sandbox\n" +
        "LEFT JOIN profile_fragments f ON f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = m.xid\n" +
        "WHERE r.ims_org = @org AND r.sandbox = @sandbox AND r.xid = @xid\n" +
        "UNION ALL\n" +
        "SELECT f.primary_xid, NULL, NULL, " + FragmentColumns + "\n" +
        "FROM profile_fragments f WHERE f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = @xid\n" +
        "  AND NOT EXISTS (SELECT 1 FROM identity_vertices v WHERE v.ims_org = @org AND v.sandbox = @sandbox AND v.xid = @xid)";

    private const string OwnSql =
        "SELECT f.primary_xid, NULL, NULL, " + FragmentColumns + "\n" +
        "FROM profile_fragments f WHERE f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = @xid";

    // The same statements with positional parameters, for the PostgreSQL batch.
    private static readonly string PgCheckedHeaderSql = ToPositional(CheckedHeaderSql);
    private static readonly string PgHeaderSql = ToPositional(HeaderSql);
    private static readonly string PgStitchedSql = ToPositional(StitchedSql);
    private static readonly string PgOwnSql = ToPositional(OwnSql);

    private TenantKey Tenant => db.Tenancy?.Tenant ?? throw new InvalidOperationException("The Profile store needs the unit of work's organization and sandbox.");

    public async Task<ProfileLookupRead> ReadAsync(CompositeIdentity identity, bool stitch, CancellationToken ct)
    {
        if (db.Tenancy is not { SandboxVerified: false } tenancy)
        {
            return (await ReadOnceAsync(identity, stitch, checkSandbox: false, ct)).Read;
        }

        var (read, sandboxLive) = await ReadOnceAsync(identity, stitch, checkSandbox: true, ct);
        if (sandboxLive)
        {
            tenancy.ConfirmSandbox();
            return read;
        }

        // Not live as named (deleted, another organization's, or the default sandbox not created yet): the gateway's
        // check answers its error, or resolves the sandbox (creating the default), and the data is read again.
        await tenancy.VerifySandboxAsync(ct);
        return (await ReadOnceAsync(identity, stitch, checkSandbox: false, ct)).Read;
    }

    private async Task<(ProfileLookupRead Read, bool SandboxLive)> ReadOnceAsync(CompositeIdentity identity, bool stitch, bool checkSandbox, CancellationToken ct)
    {
        var tenant = Tenant;
        if (postgres is not null && db.Database.CurrentTransaction is null)
        {
            // The lookup's own pool, one batch of two statements with positional parameters: Npgsql sends it as is
            // (no rewriting of named parameters) and, once prepared, by name.
            await using var batch = postgres.Source.CreateBatch();
            batch.BatchCommands.Add(Positional(checkSandbox ? PgCheckedHeaderSql : PgHeaderSql, tenant));
            batch.BatchCommands.Add(Positional(stitch ? PgStitchedSql : PgOwnSql, tenant, identity.Xid));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, identity, stitch, converter: null, ct);
        }

        var times = TimeConverter(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = (checkSandbox ? CheckedHeaderSql : HeaderSql) + (stitch ? StitchedSql : OwnSql);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "org", tenant.ImsOrg);
            Add(command, "sandbox", tenant.Sandbox);
            Add(command, "xid", identity.Xid);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, identity, stitch, times, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The header row (sandbox liveness, policy version), then the members and fragments.</summary>
    private static async Task<(ProfileLookupRead Read, bool SandboxLive)> ReadRowsAsync(DbDataReader reader, CompositeIdentity identity, bool stitch, ValueConverter? converter, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var sandboxLive = !reader.IsDBNull(0);
        var version = reader.IsDBNull(1) ? null : EfMergePolicyStore.VersionOf(reader.GetInt64(1), Time(reader, 2, converter));

        await reader.NextResultAsync(ct);
        var members = new Dictionary<string, CompositeIdentity>(StringComparer.Ordinal);
        var fragments = new List<ProfileFragment>();
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(1))
            {
                members.TryAdd(reader.GetString(0), new CompositeIdentity(reader.GetString(1), reader.GetString(2)));
            }

            if (!reader.IsDBNull(3))
            {
                fragments.Add(ProfileFragment.FromStored(
                    reader.GetString(3),
                    reader.GetString(4),
                    new CompositeIdentity(reader.GetString(5), reader.GetString(6)),
                    StoredIdentities.Read(reader.GetString(7)),
                    JsonNode.Parse(reader.GetString(8))!.AsObject(),
                    Time(reader, 9, converter)));
            }
        }

        IReadOnlyList<CompositeIdentity> graph = !stitch ? []
            : members.Count == 0 ? [identity]
            : [.. members.Values.Order(CompositeIdentity.Order)];
        return (new ProfileLookupRead(graph, fragments, version), sandboxLive);
    }

    /// <summary>One statement of the PostgreSQL batch, its parameters <c>$1</c> (org), <c>$2</c> (sandbox) and <c>$3</c> (XID).</summary>
    private static NpgsqlBatchCommand Positional(string sql, TenantKey tenant, string? xid = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant.ImsOrg });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant.Sandbox });
        if (xid is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = xid });
        }

        return command;
    }

    private static string ToPositional(string sql) =>
        sql.TrimEnd('\n', ';').Replace("@org", "$1", StringComparison.Ordinal).Replace("@sandbox", "$2", StringComparison.Ordinal).Replace("@xid", "$3", StringComparison.Ordinal);

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>How the store keeps <see cref="DateTimeOffset"/> columns: natively (PostgreSQL), or through the model's
    /// converter (SQLite keeps ticks and offset as a long).</summary>
    private static ValueConverter? TimeConverter(PlatformDbContext db) =>
        db.Model.FindEntityType(typeof(ProfileFragmentRecord))!.FindProperty(nameof(ProfileFragmentRecord.IngestedAt))!.GetTypeMapping().Converter;

    private static DateTimeOffset Time(DbDataReader reader, int ordinal, ValueConverter? converter) =>
        converter is null ? reader.GetFieldValue<DateTimeOffset>(ordinal) : (DateTimeOffset)converter.ConvertFromProvider(reader.GetValue(ordinal))!;
}
