// Records per second of ProfileIngestion (extract identities, link the graph, upsert fragments or append events) into
// the real stores, one transaction per 1,000-record segment as batch ingestion commits them, against a baseline that
// only writes the same records (PostgreSQL binary COPY / SQLite prepared INSERT, one transaction per segment).
// Run: PROFILEPLATFORM_BENCH_POSTGRES="Host=...;Username=..." dotnet run -c Release --project bench/ProfilePlatform.Bench.ProfileStore
//      (bench/profile-store.sh starts a throwaway PostgreSQL cluster and runs it).
// Environment: BENCH_RECORDS (20000), BENCH_PROFILES (10000), BENCH_RUNS (3); BENCH_DOMAIN_ONLY=1 runs only the
// in-memory rows (no database needed); BENCH_PROFILE=1 prints the time spent
// per store call; BENCH_PG_OPTIONS adds connection-string keys for the platform's PostgreSQL connections.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Bench.ProfileStore;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

const int Segment = 1000;
const string Org = "BENCH000000000000000000B@AdobeOrg";
var records = Env("BENCH_RECORDS", 20_000);
var profiles = Env("BENCH_PROFILES", 10_000);
var runs = Env("BENCH_RUNS", 3);
var domainOnly = Env("BENCH_DOMAIN_ONLY", 0) == 1;
var admin = Environment.GetEnvironmentVariable("PROFILEPLATFORM_BENCH_POSTGRES");
if (admin is null && !domainOnly)
{
    throw new InvalidOperationException("Set PROFILEPLATFORM_BENCH_POSTGRES to a server where databases may be created (or run bench/profile-store.sh).");
}

var recordData = Data.Records(records, profiles);
var eventData = Data.Events(records, profiles);
Console.WriteLine($"## Profile ingestion into the stores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"- {records:N0} records over {profiles:N0} profiles (identityMap: Email primary, ECID, Phone on a third), ~{recordData.Average(r => r.Length):F0} bytes; {records:N0} events (_id, timestamp, ECID primary, Email), ~{eventData.Average(r => r.Length):F0} bytes");
Console.WriteLine($"- segments of {Segment:N0} records, one transaction each; {runs} runs into a fresh sandbox each, min / median / max records/s");
Console.WriteLine();
Console.WriteLine("| store | what | platform records/s | baseline records/s | ratio (median) |");
Console.WriteLine("|---|---|---:|---:|---:|");

await DomainOnly();
if (domainOnly || admin is null)
{
    return;
}

var pgDatabase = $"pp_bench_profile_{Guid.NewGuid():N}"[..40];
await using (var conn = new NpgsqlConnection(admin))
{
    await conn.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE \"{pgDatabase}\"", conn).ExecuteNonQueryAsync();
}

var pg = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase }.ConnectionString + (Environment.GetEnvironmentVariable("BENCH_PG_OPTIONS") is { Length: > 0 } extra ? ";" + extra : "");
var sqliteFile = Path.Combine(Path.GetTempPath(), $"pp-bench-profile-{Guid.NewGuid():N}.db");
try
{
    await Bench("PostgreSQL", "Postgres", pg, () => new PgCopyBaseline(pg));
    await Bench("SQLite", "Sqlite", $"Data Source={sqliteFile}", () => new SqliteInsertBaseline($"Data Source={sqliteFile}"));
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var conn = new NpgsqlConnection(admin);
    await conn.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)", conn).ExecuteNonQueryAsync();
    SqliteConnection.ClearAllPools();
    File.Delete(sqliteFile);
}

async Task Bench(string name, string provider, string connectionString, Func<IBaseline> baselineFactory)
{
    var services = Platform(provider, connectionString);
    await StoreMigrator.MigrateAsync(services, CancellationToken.None);
    await using var baseline = baselineFactory();
    await baseline.PrepareAsync();
    foreach (var (what, kind, data) in new[] { ("records → graph + fragments", ProfileDataKind.Record, recordData), ("events → graph + events", ProfileDataKind.ExperienceEvent, eventData) })
    {
        await Ingest(services, kind, data.Take(Segment).ToList()); // warm-up: JIT, pools, prepared statements
        var platform = new List<double>();
        var plain = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            platform.Add(await Ingest(services, kind, data));
            plain.Add(await Measure(() => baseline.WriteAsync(data, Segment), data.Count));
        }

        platform.Sort();
        plain.Sort();
        if (Timing.Enabled)
        {
            Timing.Print();
        }

        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {what} | {platform[0]:N0} / {platform[runs / 2]:N0} / {platform[^1]:N0} | {plain[0]:N0} / {plain[runs / 2]:N0} / {plain[^1]:N0} | {platform[runs / 2] / plain[runs / 2]:P0} |"));
    }
}

// The same ingestion over the in-memory reference graph store and discarding fragments/events: the domain's share.
async Task DomainOnly()
{
    foreach (var (what, kind, data) in new[] { ("records → graph + fragments", ProfileDataKind.Record, recordData), ("events → graph + events", ProfileDataKind.ExperienceEvent, eventData) })
    {
        var rates = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var ingestion = new ProfileIngestion(new StandardIdentityNamespaces(), new IdentityGraphService(new InMemoryIdentityGraphStore()), new Discard(), new Discard());
            var rate = await Measure(async () =>
            {
                foreach (var segment in data.Chunk(Segment))
                {
                    var target = new ProfileIngestionTarget("dataset1", "batch", kind, true, true, [], DateTimeOffset.UtcNow);
                    await ingestion.IngestAsync(target, [.. segment.Select(r => (ReadOnlyMemory<byte>)r)], CancellationToken.None);
                }
            }, data.Count);
            if (run > 0)
            {
                rates.Add(rate); // run 0 warms up
            }
        }

        rates.Sort();
        Console.WriteLine(FormattableString.Invariant($"| in memory (domain only) | {what} | {rates[0]:N0} / {rates[runs / 2]:N0} / {rates[^1]:N0} | | |"));
    }
}

static async Task<double> Ingest(ServiceProvider services, ProfileDataKind kind, IReadOnlyList<byte[]> data)
{
    var tenant = new TenantKey(Org, $"bench-{Guid.NewGuid():N}"[..20]);
    return await Measure(async () =>
    {
        foreach (var segment in data.Chunk(Segment))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var target = new ProfileIngestionTarget("dataset1", $"batch-{Guid.NewGuid():N}", kind, true, true, [], DateTimeOffset.UtcNow);
            var result = await scope.ServiceProvider.GetRequiredService<ProfileIngestion>()
                .IngestAsync(target, [.. segment.Select(r => (ReadOnlyMemory<byte>)r)], CancellationToken.None);
            if (result.Skipped > 0 || result.Linked != segment.Length)
            {
                throw new InvalidOperationException($"Unexpected outcome: {result.Skipped} skipped, {result.Linked} linked of {segment.Length}.");
            }

            await tx.CommitAsync();
        }
    }, data.Count);
}

static async Task<double> Measure(Func<Task> work, int count)
{
    var clock = Stopwatch.StartNew();
    await work();
    return count / clock.Elapsed.TotalSeconds;
}

static ServiceProvider Platform(string provider, string connectionString)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = provider,
        [$"ConnectionStrings:{provider}"] = connectionString,
    }).Build();
    var services = new ServiceCollection();
    services.AddPlatformStore(configuration, Path.GetTempPath());
    services.AddPlatformStores();
    if (Timing.Enabled)
    {
        Timing.Decorate(services);
    }

    services.AddScoped<TenancyContext>();
    services.AddSingleton<IIdentityNamespaceCatalog, StandardIdentityNamespaces>();
    services.AddScoped(sp => new IdentityGraphService(sp.GetRequiredService<IIdentityGraphStore>()));
    services.AddScoped<ProfileIngestion>();
    return services.BuildServiceProvider();
}

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) ? value : fallback;

/// <summary>Stores that keep nothing, for the domain-only row.</summary>
internal sealed class Discard : IProfileFragmentStore, IExperienceEventStore
{
    public Task<IReadOnlyList<ProfileFragment>> UpsertAsync(IReadOnlyList<ProfileFragmentWrite> writes, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProfileFragment>>([.. writes.Select(w => w.ApplyTo(null))]);

    public Task<IReadOnlyList<ProfileFragment>> FindByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProfileFragment>>([]);

    public Task<int> AppendAsync(IReadOnlyList<ExperienceEvent> events, CancellationToken ct) => Task.FromResult(events.Count);

    public Task<IReadOnlyList<ExperienceEvent>> FindAsync(ExperienceEventQuery query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ExperienceEvent>>([]);

    public Task<int> DeleteByIdentitiesAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) => Task.FromResult(0);

    public Task<int> DeleteDatasetAsync(string datasetId, CancellationToken ct) => Task.FromResult(0);

    public Task<int> DeleteBatchAsync(string datasetId, string batchId, CancellationToken ct) => Task.FromResult(0);
}

/// <summary>The write-only baseline.</summary>
internal interface IBaseline : IAsyncDisposable
{
    Task PrepareAsync();

    Task WriteAsync(IReadOnlyList<byte[]> records, int segment);
}

/// <summary>PostgreSQL binary COPY of (org, sandbox, key, record) rows, one transaction per segment.</summary>
internal sealed class PgCopyBaseline(string connectionString) : IBaseline
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task PrepareAsync()
    {
        await using var cmd = _source.CreateCommand("CREATE TABLE IF NOT EXISTS bench_records (ims_org varchar(256), sandbox varchar(64), key varchar(64), record text, PRIMARY KEY (ims_org, sandbox, key))");
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task WriteAsync(IReadOnlyList<byte[]> records, int segment)
    {
        var sandbox = Guid.NewGuid().ToString("N");
        await using var conn = await _source.OpenConnectionAsync();
        var n = 0;
        foreach (var chunk in records.Chunk(segment))
        {
            await using var tx = await conn.BeginTransactionAsync();
            await using (var copy = await conn.BeginBinaryImportAsync("COPY bench_records (ims_org, sandbox, key, record) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var record in chunk)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync("BENCH@AdobeOrg", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(sandbox, NpgsqlDbType.Varchar);
                    await copy.WriteAsync((n++).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                    await copy.WriteAsync(System.Text.Encoding.UTF8.GetString(record), NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await tx.CommitAsync();
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>SQLite prepared INSERT of the same rows, one transaction per segment.</summary>
internal sealed class SqliteInsertBaseline(string connectionString) : IBaseline
{
    public async Task PrepareAsync()
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new SqliteCommand("CREATE TABLE IF NOT EXISTS bench_records (ims_org TEXT, sandbox TEXT, key TEXT, record TEXT, PRIMARY KEY (ims_org, sandbox, key))", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task WriteAsync(IReadOnlyList<byte[]> records, int segment)
    {
        var sandbox = Guid.NewGuid().ToString("N");
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        var n = 0;
        foreach (var chunk in records.Chunk(segment))
        {
            await using var tx = conn.BeginTransaction();
            await using var cmd = new SqliteCommand("INSERT INTO bench_records VALUES ($org, $sandbox, $key, $record)", conn, tx);
            var key = cmd.Parameters.Add("$key", SqliteType.Text);
            var record = cmd.Parameters.Add("$record", SqliteType.Text);
            cmd.Parameters.AddWithValue("$org", "BENCH@AdobeOrg");
            cmd.Parameters.AddWithValue("$sandbox", sandbox);
            cmd.Prepare();
            foreach (var r in chunk)
            {
                key.Value = (n++).ToString(CultureInfo.InvariantCulture);
                record.Value = System.Text.Encoding.UTF8.GetString(r);
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Seeded records and events.</summary>
internal static class Data
{
    public static List<byte[]> Records(int count, int profiles)
    {
        var random = new Random(42);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var p = random.Next(profiles);
            var phone = p % 3 == 0 ? $",\"Phone\":[{{\"id\":\"+1555{p:D7}\"}}]" : "";
            return JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(
                $$$"""
                {"identityMap":{"Email":[{"id":"user{{{p}}}@example.com","primary":true}],"ECID":[{"id":"{{{Ecid(p)}}}"}]{{{phone}}} },
                 "person":{"name":{"firstName":"First{{{p}}}","lastName":"Last{{{i}}}"},"gender":"female","birthDate":"1980-01-{{{1 + (i % 28):D2}}}"},
                 "homeAddress":{"street1":"{{{i}}} Main Street","city":"Springfield","postalCode":"{{{10000 + p}}}","country":"US"},
                 "loyalty":{"tier":"gold","points":{{{i}}},"joined":"2020-01-31"},
                 "extSourceSystemAudit":{"lastUpdatedDate":"2025-01-01T00:00:00Z"} }
                """).RootElement);
        })];
    }

    public static List<byte[]> Events(int count, int profiles)
    {
        var random = new Random(43);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var p = random.Next(profiles);
            return JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(
                $$$"""
                {"_id":"evt-{{{i}}}","timestamp":"2025-01-01T{{{i / 3600 % 24:D2}}}:{{{i / 60 % 60:D2}}}:{{{i % 60:D2}}}Z","eventType":"web.webpagedetails.pageViews",
                 "identityMap":{"ECID":[{"id":"{{{Ecid(p)}}}","primary":true}],"Email":[{"id":"user{{{p}}}@example.com"}]},
                 "web":{"webPageDetails":{"name":"page {{{i % 50}}}","URL":"https://example.com/p/{{{i % 50}}}"}},
                 "environment":{"browserDetails":{"name":"Firefox","version":"120"} } }
                """).RootElement);
        })];
    }

    private static string Ecid(int p) => $"891492703426625596427537{p:D14}";
}
