using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>The entities lookup's read in one round trip: one command of two statements (the same SQL on PostgreSQL and
/// SQLite) — the merge policies' version, then one statement that finds the identity's graph through its vertex, the
/// graph's members by <c>graph_id</c> and the fragments of the identity and of every member.</summary>
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
/// starts with a statement that finds the sandbox live, so a profile GET costs one round trip in all; when it does not,
/// the gateway's own check runs (its error, or the default sandbox created) before the data is read again.</para>
/// </remarks>
internal sealed class SqlProfileLookupReader(PlatformDbContext db) : IProfileLookupReader
{
    /// <summary>Whether the request's sandbox is live, for a request whose gateway deferred that check to this
    /// statement (<see cref="TenancyContext.DeferSandboxCheck"/>): a row only for an active sandbox of the organization.</summary>
    private const string SandboxSql =
        "SELECT 1 FROM sandboxes WHERE ims_org = @org AND name = @sandbox AND state = 'Active';\n";

    private const string VersionSql =
        "SELECT revision, provisioned FROM profile_merge_policy_sandboxes WHERE ims_org = @org AND sandbox = @sandbox;\n";

    private const string FragmentColumns =
        "f.dataset_id, f.batch_id, f.primary_namespace, f.primary_value, f.identities, f.record, f.ingested_at";

    /// <summary>Candidates = the identity and its graph's members; each with its vertex (null outside a graph) and its
    /// fragments (none, one per dataset).</summary>
    private const string StitchedSql = VersionSql +
        "SELECT c.xid, v.namespace_code, v.value, " + FragmentColumns + "\n" +
        "FROM (SELECT @xid AS xid UNION SELECT m.xid FROM identity_vertices m\n" +
        "      WHERE m.ims_org = @org AND m.sandbox = @sandbox\n" +
        "        AND m.graph_id = (SELECT r.graph_id FROM identity_vertices r WHERE r.ims_org = @org AND r.sandbox = @sandbox AND r.xid = @xid)) c\n" +
        "LEFT JOIN identity_vertices v ON v.ims_org = @org AND v.sandbox = @sandbox AND v.xid = c.xid\n" +
        "LEFT JOIN profile_fragments f ON f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = c.xid";

    private const string OwnSql = VersionSql +
        "SELECT f.primary_xid, NULL, NULL, " + FragmentColumns + "\n" +
        "FROM profile_fragments f WHERE f.ims_org = @org AND f.sandbox = @sandbox AND f.primary_xid = @xid";

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
        var times = TimeConverter(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = (checkSandbox ? SandboxSql : string.Empty) + (stitch ? StitchedSql : OwnSql);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "org", tenant.ImsOrg);
            Add(command, "sandbox", tenant.Sandbox);
            Add(command, "xid", identity.Xid);
            await using var reader = await command.ExecuteReaderAsync(ct);

            var sandboxLive = false;
            if (checkSandbox)
            {
                sandboxLive = await reader.ReadAsync(ct);
                await reader.NextResultAsync(ct);
            }

            string? version = null;
            if (await reader.ReadAsync(ct))
            {
                version = EfMergePolicyStore.VersionOf(reader.GetInt64(0), Time(reader, 1, times));
            }

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
                    fragments.Add(ProfileFragment.Create(
                        reader.GetString(3),
                        reader.GetString(4),
                        new CompositeIdentity(reader.GetString(5), reader.GetString(6)),
                        StoredIdentities.Read(reader.GetString(7)),
                        JsonNode.Parse(reader.GetString(8))!.AsObject(),
                        Time(reader, 9, times)));
                }
            }

            IReadOnlyList<CompositeIdentity> graph = !stitch ? []
                : members.Count == 0 ? [identity]
                : [.. members.Values.Order(CompositeIdentity.Order)];
            return (new ProfileLookupRead(graph, fragments, version), sandboxLive);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
