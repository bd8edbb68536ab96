using System.Data.Common;
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

/// <summary>The entities lookup's read in one round trip: on PostgreSQL one statement, on SQLite one command of two —
/// the sandbox's liveness (when the gateway deferred that check) and the merge policies' version, and the identity's
/// graph through its vertex, the graph's members by <c>graph_id</c> and the fragments of every member (of the identity
/// alone when it is in no graph).</summary>
/// <remarks>
/// <para>Why plain SQL: through EF the same lookup took a transaction and six statements (graph ids, vertices, links and
/// link sources under REPEATABLE READ, then the fragments), each opening and resetting a pooled connection; the lookup
/// needs neither links nor provenance, and the graph's members are exactly the vertices sharing its <c>graph_id</c> (every
/// graph mutation rewrites the ids of the components it touches in one transaction, docs/identity-graph.md).</para>
/// <para>Why no transaction: on PostgreSQL everything comes from one statement, hence one snapshot. On SQLite the
/// version is read by the statement before; a policy change committed between the two is a change made just after this
/// lookup. Tenancy is explicit here (<c>ims_org</c>/<c>sandbox</c> in every predicate), as raw SQL bypasses the
/// context's query filters.</para>
/// <para>Why one statement on PostgreSQL: the header row is joined (<c>LEFT JOIN LATERAL ... ON true</c>) in front of
/// the members' rows, so the server binds, plans and runs one portal per lookup instead of two, and the client reads
/// one result set; SQLite has no <c>LATERAL</c> and no round trips to save.</para>
/// <para>The sandbox check: when the gateway deferred it (<see cref="TenancyContext.SandboxVerified"/> false), the read
/// checks that the sandbox is live, so a profile GET costs one round trip in all; when it is not, the gateway's own check
/// runs (its error, or the default sandbox created) before the data is read again.</para>
/// <para>Members and fragment owners are built with the XIDs the store keeps (<see cref="CompositeIdentity.FromStored"/>):
/// the merge asks every member for its XID, and hashing them again would cost a SHA-256 each.</para>
/// </remarks>
internal sealed class SqlProfileLookupReader(PlatformDbContext db, ProfileLookupDataSource? postgres = null) : IProfileLookupReader
{
    /// <summary>The header, one row: whether the request's sandbox is live (1, else null) when the gateway deferred that
    /// check to this read (<see cref="TenancyContext.DeferSandboxCheck"/>), and the merge policies' stored version (null
    /// when not provisioned).</summary>
    private const string CheckedHeaderSql =
        "SELECT (SELECT 1 FROM sandboxes s WHERE s.ims_org = @org AND s.name = @sandbox AND s.state = 'Active') AS live, p.revision, p.provisioned\n" +
        "FROM (SELECT 1 AS one) o LEFT JOIN profile_merge_policy_sandboxes p ON p.ims_org = @org AND p.sandbox = @sandbox";

    private const string HeaderSql =
        "SELECT NULL AS live, p.revision, p.provisioned\n" +
        "FROM (SELECT 1 AS one) o LEFT JOIN profile_merge_policy_sandboxes p ON p.ims_org = @org AND p.sandbox = @sandbox";

    private const string FragmentColumns =
        "f.dataset_id, f.batch_id, f.primary_namespace, f.primary_value, f.identities, f.record, f.ingested_at";

    /// <summary>Every vertex of the identity's graph (itself included) with their fragments (none, one per dataset); or,
    /// when the identity is in no graph, the identity itself with its own fragments. The identity's vertex is probed once
    /// (<c>r</c>), whichever branch answers.</summary>
    private const string StitchedSql =
        "WITH r AS (SELECT graph_id FROM identity_vertices WHERE ims_org = @org AND sandbox = @sandbox AND xid = @xid),\n" +
        "m AS (SELECT v.xid, v.namespace_code, v.value FROM r JOIN identity_vertices v ON v.graph_id = r.graph_id AND v.ims_org = @org AND v.sandbox = @sandbox\n" +
        "  UNION ALL SELECT @xid, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM r))\n" +
        "SELECT m.xid, m.namespace_code, m.value, " + FragmentColumns + "\n" +
        "FROM m LEFT JOIN profile_fragments f ON f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = m.xid";

    private const string OwnSql =
        "SELECT f.primary_xid AS xid, NULL AS namespace_code, NULL AS value, " + FragmentColumns + "\n" +
        "FROM profile_fragments f WHERE f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = @xid";

    /// <summary>Columns in front of each data row of the PostgreSQL statement: the header's three.</summary>
    private const int HeaderColumns = 3;

    // The PostgreSQL statements, with positional parameters: Npgsql sends them as they are (no rewriting of named
    // parameters) and, once prepared, by name.
    private static readonly string PgCheckedStitchedSql = PgStatement(CheckedHeaderSql, StitchedSql);
    private static readonly string PgStitchedSql = PgStatement(HeaderSql, StitchedSql);
    private static readonly string PgCheckedOwnSql = PgStatement(CheckedHeaderSql, OwnSql);
    private static readonly string PgOwnSql = PgStatement(HeaderSql, OwnSql);

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
            // The lookup's own pool (ProfileLookupDataSource), one statement.
            var sql = (checkSandbox, stitch) switch
            {
                (true, true) => PgCheckedStitchedSql,
                (false, true) => PgStitchedSql,
                (true, false) => PgCheckedOwnSql,
                (false, false) => PgOwnSql,
            };
            await using var command = postgres.Source.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant.ImsOrg });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenant.Sandbox });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = identity.Xid });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, identity, stitch, converter: null, HeaderColumns, ct);
        }

        var times = TimeConverter(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = (checkSandbox ? CheckedHeaderSql : HeaderSql) + ";\n" + (stitch ? StitchedSql : OwnSql);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "org", tenant.ImsOrg);
            Add(command, "sandbox", tenant.Sandbox);
            Add(command, "xid", identity.Xid);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await ReadRowsAsync(reader, identity, stitch, times, dataOffset: 0, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The header (sandbox liveness, policy version), then the members and fragments: either in the columns
    /// after the header's on every row (<paramref name="dataOffset"/> 3, PostgreSQL's one statement, whose first row
    /// may carry no data), or as a second result set (0, SQLite's two statements).</summary>
    private static async Task<(ProfileLookupRead Read, bool SandboxLive)> ReadRowsAsync(DbDataReader reader, CompositeIdentity identity, bool stitch, ValueConverter? converter, int dataOffset, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        var sandboxLive = !reader.IsDBNull(0);
        var version = reader.IsDBNull(1) ? null : EfMergePolicyStore.VersionOf(reader.GetInt64(1), Time(reader, 2, converter));

        var members = new Dictionary<string, CompositeIdentity>(StringComparer.Ordinal);
        var fragments = new List<ProfileFragment>();
        var more = dataOffset > 0 || (await reader.NextResultAsync(ct) && await reader.ReadAsync(ct));
        while (more)
        {
            var o = dataOffset;
            if (!reader.IsDBNull(o + 1))
            {
                var xid = reader.GetString(o);
                members.TryAdd(xid, CompositeIdentity.FromStored(reader.GetString(o + 1), reader.GetString(o + 2), xid));
            }

            if (!reader.IsDBNull(o + 3))
            {
                // Both stores hand a text column over as its UTF-8 bytes: the JSON is parsed from those (when the
                // fragment is merged), without a UTF-16 string of each record in between.
                fragments.Add(ProfileFragment.FromJson(
                    reader.GetString(o + 3),
                    reader.GetString(o + 4),
                    CompositeIdentity.FromStored(reader.GetString(o + 5), reader.GetString(o + 6), reader.GetString(o)),
                    StoredIdentities.Read(reader.GetFieldValue<byte[]>(o + 7)),
                    reader.GetFieldValue<byte[]>(o + 8),
                    Time(reader, o + 9, converter)));
            }

            more = await reader.ReadAsync(ct);
        }

        IReadOnlyList<CompositeIdentity> graph = !stitch ? []
            : members.Count == 0 ? [identity]
            : [.. members.Values.Order(CompositeIdentity.Order)];
        return (new ProfileLookupRead(graph, fragments, version), sandboxLive);
    }

    /// <summary>The PostgreSQL statement: the header's row joined in front of the data's rows (at least the header's when
    /// there is no data), with positional parameters <c>$1</c> (org), <c>$2</c> (sandbox) and <c>$3</c> (XID).</summary>
    private static string PgStatement(string header, string data) =>
        ("SELECT h.live, h.revision, h.provisioned, d.*\nFROM (" + header + ") h\nLEFT JOIN LATERAL (" + data + ") d ON true")
            .Replace("@org", "$1", StringComparison.Ordinal).Replace("@sandbox", "$2", StringComparison.Ordinal).Replace("@xid", "$3", StringComparison.Ordinal);

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
