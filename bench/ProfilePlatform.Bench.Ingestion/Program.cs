// Batch ingestion of N generated ~600-byte XDM profile records (3 identities each) into a profile-enabled dataset, against
// a PostgreSQL binary COPY of the same rows into an equivalent table, measured in the same run (docs/performance.md).
// Started by bench/ingest.sh, which provides the platform, the PostgreSQL server and these environment variables:
//   BENCH_PLATFORM_URL, BENCH_PLATFORM_PID, BENCH_BASELINE_CS, BENCH_WORK, BENCH_RECORDS (1000000), BENCH_SMALL_RECORDS
//   (100000: the batch whose memory is compared), BENCH_RUNS (3), BENCH_PART_MB (64)
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

var url = Env("BENCH_PLATFORM_URL", "http://127.0.0.1:5000");
var pid = int.Parse(Env("BENCH_PLATFORM_PID", "0"), CultureInfo.InvariantCulture);
var baselineCs = Env("BENCH_BASELINE_CS", "");
var work = Env("BENCH_WORK", Path.GetTempPath());
var records = int.Parse(Env("BENCH_RECORDS", "1000000"), CultureInfo.InvariantCulture);
var smallRecords = int.Parse(Env("BENCH_SMALL_RECORDS", "100000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Env("BENCH_RUNS", "3"), CultureInfo.InvariantCulture);
var partBytes = long.Parse(Env("BENCH_PART_MB", "64"), CultureInfo.InvariantCulture) * 1024 * 1024;

using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
var platform = new Platform(http);
await platform.LoginAsync();
var tenant = await platform.TenantAsync();
Log($"tenant {tenant}; generating {records:N0} records");
var bigFile = Path.Combine(work, "records.json");
var smallFile = Path.Combine(work, "records-small.json");
var (bigBytes, bigCount) = Generator.Write(bigFile, records, tenant, seed: 42);
Generator.Write(smallFile, smallRecords, tenant, seed: 7);
Log($"{bigCount:N0} records, {bigBytes:N0} bytes ({(double)bigBytes / bigCount:F0} bytes a record)");

var schemaId = await platform.ProfileSchemaAsync(tenant);
Log($"profile-enabled schema {schemaId}");

// Warm-up and the small batch for the memory comparison: the platform's peak RSS after a 100k batch...
var small = await platform.IngestAsync(schemaId, smallFile, partBytes, pid);
Log($"small batch: {small.Records:N0} records in {small.Processing.TotalSeconds:F1} s; peak RSS {small.PeakRssMb} MB");
var rssAfterSmall = Memory.PeakRssMb(pid);

var platformRuns = new List<IngestResult>();
var copyRuns = new List<(double Seconds, long Rows)>();
for (var run = 1; run <= runs; run++)
{
    var result = await platform.IngestAsync(schemaId, bigFile, partBytes, pid);
    platformRuns.Add(result);
    Log($"run {run} platform: {result.Records:N0} records, upload {result.Upload.TotalSeconds:F1} s, processing {result.Processing.TotalSeconds:F1} s "
        + $"({result.Records / result.Processing.TotalSeconds:N0}/s), peak RSS during processing {result.PeakRssMb} MB");
    var copy = await Baseline.CopyAsync(baselineCs, bigFile);
    copyRuns.Add(copy);
    Log($"run {run} COPY: {copy.Rows:N0} rows in {copy.Seconds:F1} s ({copy.Rows / copy.Seconds:N0}/s)");
}

var rssAfterBig = Memory.PeakRssMb(pid);
Report(bigCount, bigBytes, smallRecords, small, rssAfterSmall, rssAfterBig, platformRuns, copyRuns);

static void Report(long count, long bytes, int smallCount, IngestResult small, long rssSmall, long rssBig, List<IngestResult> platform, List<(double Seconds, long Rows)> copy)
{
    static (double Min, double Median, double Max) Stats(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[0], sorted[(sorted.Count - 1) / 2], sorted[^1]);
    }

    var processing = Stats(platform.Select(r => r.Records / r.Processing.TotalSeconds));
    var endToEnd = Stats(platform.Select(r => r.Records / (r.Upload + r.Processing).TotalSeconds));
    var upload = Stats(platform.Select(r => bytes / 1048576.0 / r.Upload.TotalSeconds));
    var rows = Stats(copy.Select(c => c.Rows / c.Seconds));

    // Each platform run next to the COPY run right after it: the pair shares the machine's conditions of the moment.
    var ratios = Stats(platform.Zip(copy, (p, c) => p.Records / p.Processing.TotalSeconds / (c.Rows / c.Seconds)));
    var endToEndRatios = Stats(platform.Zip(copy, (p, c) => p.Records / (p.Upload + p.Processing).TotalSeconds / (c.Rows / c.Seconds)));
    var invariant = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(invariant, $"""

        ## Batch ingestion vs PostgreSQL COPY

        - {count:N0} records, {bytes:N0} bytes ({(double)bytes / count:F0} bytes a record, 3 identities each), one JSON lines file uploaded with the large-file API; {platform.Count} run(s), platform and COPY interleaved
        - platform: profile-enabled dataset on a schema of the profile class, identityMap, demographic and personal contact details and a tenant loyalty field group; records validated against it, written to dataset_record_chunks (up to 1,000 records a row) in one transaction
        - baseline: binary COPY of the same rows (same columns, json record, same primary key and index) into an empty table of the same definition, in one transaction, from the same file

        | measurement | min | median | max |
        |---|---:|---:|---:|
        | platform processing, records/s (COMPLETE's batch started → completed, Catalog) | {processing.Min:N0} | {processing.Median:N0} | {processing.Max:N0} |
        | platform end to end, records/s (upload + processing) | {endToEnd.Min:N0} | {endToEnd.Median:N0} | {endToEnd.Max:N0} |
        | platform upload, MB/s (PATCH parts streamed into the store) | {upload.Min:F1} | {upload.Median:F1} | {upload.Max:F1} |
        | baseline COPY, rows/s | {rows.Min:N0} | {rows.Median:N0} | {rows.Max:N0} |
        | **processing / COPY** (each run over its COPY run) | {ratios.Min:F2} | **{ratios.Median:F2}** | {ratios.Max:F2} |
        | end to end / COPY (each run over its COPY run) | {endToEndRatios.Min:F2} | {endToEndRatios.Median:F2} | {endToEndRatios.Max:F2} |
        | processing median / COPY median | | {processing.Median / rows.Median:F2} | |

        Memory (platform process, VmHWM = peak resident set): after a {smallCount:N0}-record batch {rssSmall} MB; after the {count:N0}-record batches {rssBig} MB; peak RSS sampled during the last large batch's processing {platform[^1].PeakRssMb} MB.
        """));
}

static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;

static void Log(string message) => Console.Error.WriteLine($"==> {DateTime.UtcNow:HH:mm:ss} {message}");

internal sealed record IngestResult(long Records, TimeSpan Upload, TimeSpan Processing, long PeakRssMb);

/// <summary>The platform through its AEP APIs, as a client would call it.</summary>
internal sealed class Platform(HttpClient http)
{
    private const string Org = "D3V0000000000000000000A1@AdobeOrg";
    private string token = "";

    public async Task LoginAsync()
    {
        using var response = await http.PostAsync("/ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "profileplatform-dev",
            ["client_secret"] = "profileplatform-dev-secret",
            ["scope"] = "openid,AdobeID,read_organizations",
        }));
        token = (await Json(response))["access_token"]!.GetValue<string>();
    }

    public async Task<string> TenantAsync() => (await SendJson(HttpMethod.Get, "/data/foundation/schemaregistry/stats", null))["tenantId"]!.GetValue<string>();

    public async Task<string> ProfileSchemaAsync(string tenant)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var group = JsonNode.Parse(Generator.LoyaltyFieldGroup(tenant, run))!;
        var groupId = (await SendJson(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/fieldgroups", group))["$id"]!.GetValue<string>();
        var schema = new JsonObject
        {
            ["title"] = "Bench members " + run,
            ["type"] = "object",
            ["allOf"] = new JsonArray(
                Ref("https://ns.adobe.com/xdm/context/profile"), Ref("https://ns.adobe.com/xdm/context/identitymap"),
                Ref("https://ns.adobe.com/xdm/context/profile-person-details"), Ref("https://ns.adobe.com/xdm/context/profile-personal-details"), Ref(groupId)),
        };
        var id = (await SendJson(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/schemas", schema))["$id"]!.GetValue<string>();
        await SendJson(HttpMethod.Patch, $"/data/foundation/schemaregistry/tenant/schemas/{Uri.EscapeDataString(id)}",
            JsonNode.Parse("""[{"op":"add","path":"/meta:immutableTags","value":["union"]}]"""));
        return id;
    }

    public async Task<IngestResult> IngestAsync(string schemaId, string file, long partBytes, int pid)
    {
        var dataset = new JsonObject
        {
            ["name"] = "Bench " + Guid.NewGuid().ToString("N")[..8],
            ["schemaRef"] = new JsonObject { ["id"] = schemaId, ["contentType"] = "application/vnd.adobe.xed+json;version=1" },
            ["tags"] = new JsonObject { ["unifiedProfile"] = new JsonArray("enabled:true"), ["unifiedIdentity"] = new JsonArray("enabled:true") },
        };
        var datasetId = (await SendJson(HttpMethod.Post, "/data/foundation/catalog/dataSets", dataset)).AsArray()[0]!.GetValue<string>().Split('/')[^1];
        var batch = (await SendJson(HttpMethod.Post, "/data/foundation/import/batches", new JsonObject
        {
            ["datasetId"] = datasetId,
            ["inputFormat"] = new JsonObject { ["format"] = "json" },
        }))["id"]!.GetValue<string>();
        var files = $"/data/foundation/import/batches/{batch}/datasets/{datasetId}/files/records.json";

        var upload = Stopwatch.StartNew();
        await Send(HttpMethod.Post, files + "?action=INITIALIZE", null);
        var length = new FileInfo(file).Length;
        for (long offset = 0; offset < length; offset += partBytes)
        {
            var size = Math.Min(partBytes, length - offset);
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            stream.Position = offset;
            var content = new StreamContent(new Slice(stream, size), 1 << 20);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentLength = size;
            content.Headers.TryAddWithoutValidation("Content-Range", $"bytes {offset}-{offset + size - 1}/{length}");
            await Send(HttpMethod.Patch, files, content);
        }

        await Send(HttpMethod.Post, files + "?action=COMPLETE", null);
        upload.Stop();

        await Send(HttpMethod.Post, $"/data/foundation/import/batches/{batch}?action=COMPLETE", null);
        long peak = 0;
        JsonNode state;
        while (true)
        {
            peak = Math.Max(peak, Memory.RssMb(pid));
            state = (await SendJson(HttpMethod.Get, $"/data/foundation/catalog/batches/{batch}", null))[batch]!;
            if (state["status"]!.GetValue<string>() is "success" or "failed")
            {
                break;
            }

            await Task.Delay(500);
        }

        if (state["status"]!.GetValue<string>() != "success")
        {
            throw new InvalidOperationException($"batch {batch} ended {state.ToJsonString()}");
        }

        var processing = TimeSpan.FromMilliseconds(state["completed"]!.GetValue<long>() - state["started"]!.GetValue<long>());
        var written = state["metrics"]!["outputRecordCount"]!.GetValue<long>();

        // The next run starts from the same store size: the dataset and its records go.
        await Send(HttpMethod.Delete, $"/data/foundation/catalog/dataSets/{datasetId}", null);
        return new IngestResult(written, upload.Elapsed, processing, peak);
    }

    private static JsonObject Ref(string id) => new() { ["$ref"] = id };

    private async Task<JsonNode> SendJson(HttpMethod method, string path, JsonNode? body)
    {
        HttpContent? content = null;
        if (body is not null)
        {
            content = new StringContent(body.ToJsonString(), Encoding.UTF8, method == HttpMethod.Patch && body is JsonArray ? "application/json-patch+json" : "application/json");
        }

        using var response = await Send(method, path, content);
        return await Json(response);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-api-key", "profileplatform-dev");
        request.Headers.Add("x-gw-ims-org-id", Org);
        request.Headers.Add("x-sandbox-name", "prod");
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}

/// <summary>A read-only window of <c>length</c> bytes of a stream from its current position.</summary>
internal sealed class Slice(Stream inner, long size) : Stream
{
    private readonly long total = size;
    private long left = size;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => total;

    public override long Position { get => total - left; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, (int)Math.Min(count, left));
        left -= read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, left)], cancellationToken);
        left -= read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The baseline: PostgreSQL binary COPY of the same rows, a row per record, into a table defined like the platform's
/// <c>dataset_records</c> before session 9 (the platform now keeps records in chunks: <c>dataset_record_chunks</c>).</summary>
internal static class Baseline
{
    private const string Table = """
        DROP TABLE IF EXISTS bench_records;
        CREATE TABLE bench_records (
            ims_org varchar(256) NOT NULL, sandbox varchar(64) NOT NULL, batch_id varchar(64) NOT NULL, file_index integer NOT NULL,
            row_number bigint NOT NULL, data_set_id varchar(64) NOT NULL, record json NOT NULL,
            PRIMARY KEY (ims_org, sandbox, batch_id, file_index, row_number));
        CREATE INDEX ix_bench_records_data_set ON bench_records (ims_org, sandbox, data_set_id);
        """;

    /// <summary>A server given by PROFILEPLATFORM_BENCH_POSTGRES has no baseline database yet; the throwaway cluster
    /// has it already.</summary>
    private static async Task EnsureDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static async Task<(double Seconds, long Rows)> CopyAsync(string connectionString, string file)
    {
        await EnsureDatabaseAsync(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(Table, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var importer = await connection.BeginBinaryImportAsync(
                "COPY bench_records (ims_org, sandbox, data_set_id, batch_id, file_index, row_number, record) FROM STDIN (FORMAT BINARY)"))
            {
                using var reader = new StreamReader(file, Encoding.UTF8, false, 1 << 20);
                while (await reader.ReadLineAsync() is { } line)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    rows++;
                    await importer.StartRowAsync();
                    await importer.WriteAsync("D3V0000000000000000000A1@AdobeOrg", NpgsqlDbType.Varchar);
                    await importer.WriteAsync("prod", NpgsqlDbType.Varchar);
                    await importer.WriteAsync("6b05000000000000000000aa", NpgsqlDbType.Varchar);
                    await importer.WriteAsync("01BENCH0000000000000000000", NpgsqlDbType.Varchar);
                    await importer.WriteAsync(1, NpgsqlDbType.Integer);
                    await importer.WriteAsync(rows, NpgsqlDbType.Bigint);
                    await importer.WriteAsync(line, NpgsqlDbType.Json);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return (clock.Elapsed.TotalSeconds, rows);
    }
}

/// <summary>The platform process's resident memory, from /proc.</summary>
internal static class Memory
{
    public static long RssMb(int pid) => Read(pid, "VmRSS:");

    public static long PeakRssMb(int pid) => Read(pid, "VmHWM:");

    private static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Seeded records of ~600 bytes: demographic and contact fields, three identities (ECID, Email, Phone), loyalty.</summary>
internal static class Generator
{
    private static readonly string[] First = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "Dennis"];
    private static readonly string[] Last = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "Ritchie"];
    private static readonly string[] Cities = ["London", "Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Dublin", "Vienna"];
    private static readonly string[] Genders = ["female", "male", "not_specified", "non_specific"];
    private static readonly string[] Tiers = ["gold", "silver", "bronze"];

    public static string LoyaltyFieldGroup(string tenant, string run) =>
        "{\"title\":\"Bench loyalty " + run + "\",\"type\":\"object\",\"meta:intendedToExtend\":[\"https://ns.adobe.com/xdm/context/profile\"],"
        + "\"definitions\":{\"loyalty\":{\"properties\":{\"_" + tenant + "\":{\"type\":\"object\",\"properties\":{"
        + "\"loyalty\":{\"type\":\"object\",\"required\":[\"loyaltyId\"],\"properties\":{"
        + "\"loyaltyId\":{\"type\":\"string\"},"
        + "\"points\":{\"type\":\"integer\",\"meta:xdmType\":\"int\"},"
        + "\"level\":{\"type\":\"integer\",\"meta:xdmType\":\"short\",\"minimum\":0,\"maximum\":10},"
        + "\"tier\":{\"type\":\"string\",\"enum\":[\"gold\",\"silver\",\"bronze\"]},"
        + "\"code\":{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}-[0-9]{4}$\"},"
        + "\"joined\":{\"type\":\"string\",\"format\":\"date\"},"
        + "\"memberSince\":{\"type\":\"string\",\"format\":\"date-time\"}}}}}}}},"
        + "\"allOf\":[{\"$ref\":\"#/definitions/loyalty\"}]}";

    public static (long Bytes, long Count) Write(string path, int count, string tenant, int seed)
    {
        var random = new Random(seed);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < count; i++)
        {
            var first = First[random.Next(First.Length)];
            var last = Last[random.Next(Last.Length)];
            var email = FormattableString.Invariant($"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{i}@example.com");
            var phone = FormattableString.Invariant($"+1555{i:D7}");
            // 38 digits: identity-service's ECID format (an invalid ECID makes Profile skip the record).
            var ecid = FormattableString.Invariant($"{random.NextInt64(1_000_000_000_000_000_000, long.MaxValue)}{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}{i:D6}");
            output.Write(FormattableString.Invariant(
                $"{{\"_id\":\"https://data.example.com/profiles/{i}\",\"person\":{{\"name\":{{\"firstName\":\"{first}\",\"lastName\":\"{last}\"}},"));
            output.Write(FormattableString.Invariant(
                $"\"birthDate\":\"{1950 + random.Next(50)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}\",\"gender\":\"{Genders[random.Next(Genders.Length)]}\"}},"));
            output.Write(FormattableString.Invariant(
                $"\"personalEmail\":{{\"address\":\"{email}\"}},\"homeAddress\":{{\"city\":\"{Cities[random.Next(Cities.Length)]}\",\"countryCode\":\"GB\",\"postalCode\":\"W1A {random.Next(10)}AA\"}},"));
            output.Write(FormattableString.Invariant(
                $"\"mobilePhone\":{{\"number\":\"{phone}\"}},\"identityMap\":{{\"ECID\":[{{\"id\":\"{ecid}\",\"primary\":true}}],"));
            output.Write(FormattableString.Invariant($"\"Email\":[{{\"id\":\"{email}\"}}],\"Phone\":[{{\"id\":\"{phone}\"}}]}},"));
            output.Write(FormattableString.Invariant(
                $"\"_{tenant}\":{{\"loyalty\":{{\"loyaltyId\":\"L-{i}\",\"points\":{random.Next(100_000)},\"level\":{random.Next(11)},\"tier\":\"{Tiers[random.Next(Tiers.Length)]}\",\"code\":\"ABC-{i % 10000:D4}\",\"joined\":\"2020-01-31\"}}}}}}\n"));
        }

        output.Flush();
        return (output.BaseStream.Length, count);
    }
}
