using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Npgsql;

// The benchmark's baseline (bench/run.sh): what a request costs on bare Kestrel, without the platform.
//
//   dotnet ProfilePlatform.Bench.Baseline.dll --urls http://127.0.0.1:PORT
//       GET /json    a small JSON object, the size of the platform's GET .../sandboxTypes answer
//       GET /lookup  one point SELECT of a sandbox row by (org, name) through a pooled NpgsqlDataSource, as JSON
//                    (org from x-gw-ims-org-id, else the development org; name from ?name=, else prod)
//       GET /fragment one point SELECT of a profile fragment by (org, sandbox, XID of ?ns= and ?id=) from the
//                    platform's database named by ConnectionStrings:Profile (pair d, entity lookup; 404 when unset)
//       POST /insert a streaming message: parses the JSON body and stores it with one autocommit INSERT (one commit per
//                    request), answering a small JSON object — the baseline of bench/streaming.sh
//   dotnet ProfilePlatform.Bench.Baseline.dll drop-databases NAME...
//       drops the named databases on the server of ConnectionStrings:Postgres (clean-up on an external server)
//
// ConnectionStrings:Postgres (env ConnectionStrings__Postgres) names the baseline's own database; it is
// created when missing, with a sandboxes table shaped like the platform's and the development org's prod row.
var builder = WebApplication.CreateSlimBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("Postgres");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("ConnectionStrings:Postgres (env ConnectionStrings__Postgres) is required.");
    return 2;
}

if (args.Length > 0 && args[0] == "drop-databases")
{
    await BaselineStore.DropDatabasesAsync(connectionString, args.Skip(1));
    return 0;
}

await BaselineStore.PrepareAsync(connectionString);

builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
var profileConnectionString = builder.Configuration.GetConnectionString("Profile");
builder.Services.AddKeyedSingleton("profile", (_, _) => NpgsqlDataSource.Create(profileConnectionString ?? connectionString));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BaselineJson.Default));

var app = builder.Build();

app.MapGet("/json", () => TypedResults.Ok(new TypesResponse(BaselineStore.SandboxTypes)));

app.MapGet("/lookup", async Task<IResult> (HttpRequest request, NpgsqlDataSource db, CancellationToken ct) =>
{
    var org = request.Headers["x-gw-ims-org-id"].ToString();
    var name = request.Query["name"].ToString();
    var row = await BaselineStore.FindAsync(db, org.Length > 0 ? org : BaselineStore.DevOrg, name.Length > 0 ? name : "prod", ct);
    return row is null ? TypedResults.NotFound() : TypedResults.Ok(row);
});

app.MapGet("/fragment", async Task<IResult> (HttpRequest request, [FromKeyedServices("profile")] NpgsqlDataSource db, CancellationToken ct) =>
{
    if (profileConnectionString is null)
    {
        return TypedResults.NotFound();
    }

    var org = request.Headers["x-gw-ims-org-id"].ToString();
    var sandbox = request.Headers["x-sandbox-name"].ToString();
    var row = await FragmentLookup.FindAsync(
        db, org.Length > 0 ? org : BaselineStore.DevOrg, sandbox.Length > 0 ? sandbox : "prod", request.Query["ns"].ToString(), request.Query["id"].ToString(), ct);
    return row is null ? TypedResults.NotFound() : TypedResults.Ok(row);
});

app.MapPost("/insert", async Task<IResult> (HttpRequest request, NpgsqlDataSource db, CancellationToken ct) =>
{
    using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
    var header = body.RootElement.GetProperty("header");
    var dataset = header.GetProperty("datasetId").GetString() ?? "";
    var record = body.RootElement.GetProperty("body").GetProperty("xdmEntity").GetRawText();
    var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    await BaselineStore.InsertMessageAsync(db, BaselineStore.DevOrg, dataset, record, received, ct);
    return TypedResults.Ok(new InsertResponse(dataset, received));
});

await app.RunAsync();
return 0;

/// <summary>The baseline's database: one table shaped like the platform's <c>sandboxes</c> (same columns, key and
/// partial unique index), holding the development org's <c>prod</c> row.</summary>
internal static partial class BaselineStore
{
    public const string DevOrg = "D3V0000000000000000000A1@AdobeOrg";

    public static readonly IReadOnlyList<string> SandboxTypes = ["production", "development"];

    // The same columns and predicate as the platform's EF query of a sandbox by name under its org filter.
    private const string FindSql =
        "SELECT id, ims_org, name, title, type, state, region, is_default, etag, created_date, last_modified_date, created_by, modified_by " +
        "FROM sandboxes WHERE ims_org = $1 AND name = $2";

    private const string SchemaSql = """
        CREATE TABLE IF NOT EXISTS sandboxes (
            id uuid NOT NULL,
            ims_org character varying(256) NOT NULL,
            name character varying(64) NOT NULL,
            title character varying(256) NOT NULL,
            type character varying(32) NOT NULL,
            state character varying(32) NOT NULL,
            region character varying(32) NOT NULL,
            is_default boolean NOT NULL,
            etag integer NOT NULL,
            created_date timestamp with time zone NOT NULL,
            last_modified_date timestamp with time zone NOT NULL,
            created_by character varying(256) NOT NULL,
            modified_by character varying(256) NOT NULL,
            CONSTRAINT "PK_sandboxes" PRIMARY KEY (ims_org, id));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_sandboxes_live_name ON sandboxes (ims_org, name) WHERE state <> 'Deleted';
        CREATE TABLE IF NOT EXISTS streamed_messages (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            ims_org character varying(256) NOT NULL,
            data_set_id character varying(64) NOT NULL,
            received_ms bigint NOT NULL,
            record text NOT NULL)
        """;

    private const string InsertSql = "INSERT INTO streamed_messages (ims_org, data_set_id, received_ms, record) VALUES ($1, $2, $3, $4)";

    /// <summary>One message, one autocommit INSERT: the commit-per-request cost group commit is compared with.</summary>
    public static async Task InsertMessageAsync(NpgsqlDataSource db, string org, string dataset, string record, long received, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(InsertSql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = received });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private const string SeedSql = """
        INSERT INTO sandboxes (id, ims_org, name, title, type, state, region, is_default, etag, created_date, last_modified_date, created_by, modified_by)
        SELECT gen_random_uuid(), $1, 'prod', 'Production', 'Production', 'Active', 'VA7', true, 1, now(), now(), 'system', 'system'
        WHERE NOT EXISTS (SELECT 1 FROM sandboxes WHERE ims_org = $1 AND name = 'prod');
        """;

    public static async Task<SandboxRow?> FindAsync(NpgsqlDataSource db, string org, string name, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(FindSql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = org });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new SandboxRow(
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(5).ToLowerInvariant(),
            reader.GetString(4).ToLowerInvariant(),
            reader.GetString(6),
            reader.GetBoolean(7),
            reader.GetInt32(8),
            FormatDate(reader.GetFieldValue<DateTimeOffset>(9)),
            FormatDate(reader.GetFieldValue<DateTimeOffset>(10)),
            reader.GetString(11),
            reader.GetString(12));
    }

    /// <summary>Creates the database (when missing), the table and the row.</summary>
    public static async Task PrepareAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres must name a database (Database=...).");
        await using (var admin = await OpenMaintenanceAsync(connectionString))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(database)}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var schema = new NpgsqlCommand(SchemaSql, conn))
        {
            await schema.ExecuteNonQueryAsync();
        }

        await using var seed = new NpgsqlCommand(SeedSql, conn);
        seed.Parameters.Add(new NpgsqlParameter<string> { TypedValue = DevOrg });
        await seed.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabasesAsync(string connectionString, IEnumerable<string> databases)
    {
        await using var admin = await OpenMaintenanceAsync(connectionString);
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quote(database)} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var conn = new NpgsqlConnection(csb.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static string Quote(string identifier) =>
        SafeIdentifier().IsMatch(identifier)
            ? $"\"{identifier}\""
            : throw new ArgumentException($"Database name '{identifier}' must be letters, digits and underscores.", nameof(identifier));

    private static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeIdentifier();
}

/// <summary>The platform's sandbox answer, field for field (SandboxResponse).</summary>
internal sealed record SandboxRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("isDefault")] bool IsDefault,
    [property: JsonPropertyName("etag")] int ETag,
    [property: JsonPropertyName("createdDate")] string CreatedDate,
    [property: JsonPropertyName("lastModifiedDate")] string LastModifiedDate,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("modifiedBy")] string ModifiedBy);

/// <summary>The platform's sandbox types answer (SandboxTypesResponse).</summary>
internal sealed record TypesResponse([property: JsonPropertyName("sandboxTypes")] IReadOnlyList<string> SandboxTypes);

/// <summary>The baseline's streaming answer: which dataset and when.</summary>
internal sealed record InsertResponse([property: JsonPropertyName("datasetId")] string DatasetId, [property: JsonPropertyName("receivedTimeMs")] long ReceivedTimeMs);

[JsonSerializable(typeof(SandboxRow))]
[JsonSerializable(typeof(InsertResponse))]
[JsonSerializable(typeof(TypesResponse))]
[JsonSerializable(typeof(FragmentRow))]
internal sealed partial class BaselineJson : JsonSerializerContext;
