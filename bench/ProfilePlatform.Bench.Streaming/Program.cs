// bench/streaming.sh's helper.
//   setup OUT_DIR   through the platform's APIs (BENCH_PLATFORM_URL): a profile-enabled schema (identityMap, person, loyalty
//                   field group), two profile-enabled datasets (load and lag), an HTTP API connection; writes OUT_DIR/env
//                   (INLET, DATASET, LAG_DATASET, TENANT) and OUT_DIR/template.json, the ~600-byte record in its XDM envelope
//                   with __N__ where wrk puts a unique number
//   lag             streams BENCH_LAG_COUNT (200) messages one at a time with syncValidation, BENCH_LAG_RATE (20) a second, to
//                   LAG_DATASET, and polls the platform's database (BENCH_PLATFORM_CS) every 5 ms for each record in
//                   dataset_record_chunks; prints "LAG count=.. p50_ms=.. p99_ms=.. max_ms=.. lost=.."
//   drain           waits until the platform's database (BENCH_PLATFORM_CS) holds no pending streamed message and no
//                   unfinished ingestion job, so what a load run accepted is in its dataset and Profile; prints "DRAIN ms=.."
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

var url = Environment.GetEnvironmentVariable("BENCH_PLATFORM_URL") ?? "http://127.0.0.1:5000";
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
var platform = new Platform(http);

switch (args.FirstOrDefault())
{
    case "setup":
        await platform.LoginAsync();
        var outDir = args[1];
        var tenant = await platform.TenantAsync();
        var schema = await platform.ProfileSchemaAsync(tenant);
        var dataset = await platform.DatasetAsync(schema);
        var lagDataset = await platform.DatasetAsync(schema);
        var inlet = await platform.InletAsync();
        var template = Envelope.Of(schema, dataset, tenant, "__N__");
        await File.WriteAllTextAsync(Path.Combine(outDir, "template.json"), template);
        await File.WriteAllTextAsync(Path.Combine(outDir, "env"),
            $"INLET={inlet}\nDATASET={dataset}\nLAG_DATASET={lagDataset}\nTENANT={tenant}\nSCHEMA={schema}\nRECORD_BYTES={Envelope.RecordBytes(tenant)}\n");
        Console.Error.WriteLine($"==> inlet {inlet}, datasets {dataset} (load) and {lagDataset} (lag), record {Envelope.RecordBytes(tenant)} bytes, envelope {Encoding.UTF8.GetByteCount(template)} bytes");
        return 0;
    case "lag":
        return await Lag.RunAsync(http);
    case "drain":
        return await Drain.RunAsync(Environment.GetEnvironmentVariable("BENCH_PLATFORM_CS")!);
    default:
        Console.Error.WriteLine("usage: setup OUT_DIR | lag | drain");
        return 2;
}

internal static class Envelope
{
    public static string Record(string tenant, string n) =>
        "{\"_id\":\"https://data.example.com/profiles/" + n + "\",\"person\":{\"name\":{\"firstName\":\"Grace\",\"lastName\":\"Hopper\"},"
        + "\"birthDate\":\"1966-12-09\",\"gender\":\"female\"},"
        + "\"personalEmail\":{\"address\":\"grace.hopper." + n + "@example.com\"},\"homeAddress\":{\"city\":\"London\",\"countryCode\":\"GB\",\"postalCode\":\"W1A 1AA\"},"
        + "\"mobilePhone\":{\"number\":\"+1555" + n + "\"},\"identityMap\":{\"ECID\":[{\"id\":\"" + Ecid(n) + "\",\"primary\":true}],"
        + "\"Email\":[{\"id\":\"grace.hopper." + n + "@example.com\"}],\"Phone\":[{\"id\":\"+1555" + n + "\"}]},"
        + "\"_" + tenant + "\":{\"loyalty\":{\"loyaltyId\":\"L-" + n + "\",\"points\":4242,\"level\":3,\"tier\":\"gold\",\"code\":\"ABC-1234\",\"joined\":\"2020-01-31\"}}}";

    /// <summary>A valid ECID (38 digits, identity-service guardrails) ending in <paramref name="n"/>; for the wrk template
    /// the placeholder <c>__E__</c>, which bench/wrk/streaming.lua fills the same way. An invalid ECID would make Profile
    /// skip every record and the benchmark would not measure the identity and Profile work.</summary>
    public static string Ecid(string n)
    {
        if (n == "__N__")
        {
            return "__E__";
        }

        var digits = new string([.. n.Where(char.IsAsciiDigit)]);
        return digits.Length >= 38 ? digits[^38..] : new string('7', 38 - digits.Length) + digits;
    }

    public static int RecordBytes(string tenant) => Encoding.UTF8.GetByteCount(Record(tenant, "1234567890123"));

    public static string Of(string schema, string dataset, string tenant, string n)
    {
        var schemaRef = "{\"id\":\"" + schema + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}";
        return "{\"header\":{\"schemaRef\":" + schemaRef + ",\"imsOrgId\":\"" + Platform.Org + "\",\"datasetId\":\"" + dataset + "\",\"source\":{\"name\":\"bench\"}},"
            + "\"body\":{\"xdmMeta\":{\"schemaRef\":" + schemaRef + "},\"xdmEntity\":" + Record(tenant, n) + "}}";
    }
}

internal static partial class Lag
{
    public static async Task<int> RunAsync(HttpClient http)
    {
        var env = File.ReadAllLines(Environment.GetEnvironmentVariable("BENCH_ENV_FILE")!).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var count = int.Parse(Environment.GetEnvironmentVariable("BENCH_LAG_COUNT") ?? "200", CultureInfo.InvariantCulture);
        var rate = int.Parse(Environment.GetEnvironmentVariable("BENCH_LAG_RATE") ?? "20", CultureInfo.InvariantCulture);
        var cs = Environment.GetEnvironmentVariable("BENCH_PLATFORM_CS")!;
        var run = Guid.NewGuid().ToString("N")[..6];
        var acked = new long[count];
        var seen = new long[count];
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(() => PollAsync(cs, env["LAG_DATASET"], run, seen, clock, stop.Token));
        for (var i = 0; i < count; i++)
        {
            var started = clock.ElapsedMilliseconds;
            var body = Envelope.Of(env["SCHEMA"], env["LAG_DATASET"], env["TENANT"], $"{run}{i:D5}");
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync($"/collection/{env["INLET"]}?syncValidation=true", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"lag message {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            acked[i] = clock.ElapsedMilliseconds;
            var next = started + (1000 / rate);
            var wait = next - clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                await Task.Delay((int)wait);
            }
        }

        // Under a load above what the pipeline sustains the backlog grows, and so does the lag: wait long enough that
        // "lost" means lost, not late (BENCH_LAG_WAIT_S, 180 s).
        var deadline = clock.ElapsedMilliseconds + (1000L * int.Parse(Environment.GetEnvironmentVariable("BENCH_LAG_WAIT_S") ?? "180", CultureInfo.InvariantCulture));
        while (seen.Any(s => s == 0) && clock.ElapsedMilliseconds < deadline)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await poller;
        var lags = Enumerable.Range(0, count).Where(i => seen[i] > 0).Select(i => (double)(seen[i] - acked[i])).Order().ToList();
        double P(double q) => lags.Count == 0 ? double.NaN : lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(q * lags.Count) - 1)];
        Console.WriteLine(FormattableString.Invariant($"LAG count={lags.Count} p50_ms={P(0.5):F0} p99_ms={P(0.99):F0} max_ms={(lags.Count == 0 ? double.NaN : lags[^1]):F0} lost={count - lags.Count}"));
        return 0;
    }

    /// <summary>Watches dataset_record_chunks for the lag dataset's new batches and notes when each message's record appears.</summary>
    private static async Task PollAsync(string cs, string dataset, string run, long[] seen, Stopwatch clock, CancellationToken ct)
    {
        await using var db = NpgsqlDataSource.Create(cs);
        var batches = new List<string>();
        var pattern = new Regex("\"loyaltyId\":\"L-" + run + "(\\d{5})\"");
        while (!ct.IsCancellationRequested)
        {
            await using (var cmd = db.CreateCommand("SELECT batch_id, convert_from(records, 'UTF8') FROM dataset_record_chunks WHERE data_set_id = $1 AND NOT (batch_id = ANY($2))"))
            {
                cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dataset });
                cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batches] });
                await using var reader = await cmd.ExecuteReaderAsync(CancellationToken.None);
                var now = clock.ElapsedMilliseconds;
                var found = new HashSet<string>();
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    found.Add(reader.GetString(0));
                    foreach (Match match in pattern.Matches(reader.GetString(1)))
                    {
                        var i = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                        if (i < seen.Length && seen[i] == 0)
                        {
                            seen[i] = now;
                        }
                    }
                }

                batches.AddRange(found);
            }

            try
            {
                await Task.Delay(5, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>Waits for the platform's backlog: streamed messages not yet in a batch and ingestion jobs not yet done. The
/// flusher deletes messages and queues their job in one transaction, so a zero for both means everything accepted landed.</summary>
internal static class Drain
{
    public static async Task<int> RunAsync(string cs)
    {
        await using var db = NpgsqlDataSource.Create(cs);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            await using var cmd = db.CreateCommand(
                "SELECT EXISTS (SELECT 1 FROM streaming_messages) OR EXISTS (SELECT 1 FROM ingest_jobs WHERE state <> 'done')");
            if (!(bool)(await cmd.ExecuteScalarAsync())!)
            {
                Console.WriteLine(FormattableString.Invariant($"DRAIN ms={clock.ElapsedMilliseconds}"));
                return 0;
            }

            await Task.Delay(100);
        }

        Console.Error.WriteLine("drain: the backlog did not clear within 15 minutes");
        return 1;
    }
}

/// <summary>The platform through its AEP APIs, with the development client.</summary>
internal sealed class Platform(HttpClient http)
{
    public const string Org = "D3V0000000000000000000A1@AdobeOrg";
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
        var group = JsonNode.Parse(
            "{\"title\":\"Bench loyalty " + run + "\",\"type\":\"object\",\"meta:intendedToExtend\":[\"https://ns.adobe.com/xdm/context/profile\"],"
            + "\"definitions\":{\"loyalty\":{\"properties\":{\"_" + tenant + "\":{\"type\":\"object\",\"properties\":{"
            + "\"loyalty\":{\"type\":\"object\",\"required\":[\"loyaltyId\"],\"properties\":{"
            + "\"loyaltyId\":{\"type\":\"string\"},\"points\":{\"type\":\"integer\",\"meta:xdmType\":\"int\"},"
            + "\"level\":{\"type\":\"integer\",\"meta:xdmType\":\"short\",\"minimum\":0,\"maximum\":10},"
            + "\"tier\":{\"type\":\"string\",\"enum\":[\"gold\",\"silver\",\"bronze\"]},\"code\":{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}-[0-9]{4}$\"},"
            + "\"joined\":{\"type\":\"string\",\"format\":\"date\"}}}}}}}},\"allOf\":[{\"$ref\":\"#/definitions/loyalty\"}]}")!;
        var groupId = (await SendJson(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/fieldgroups", group))["$id"]!.GetValue<string>();
        var schema = new JsonObject
        {
            ["title"] = "Streaming bench members " + run,
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

    public async Task<string> DatasetAsync(string schemaId)
    {
        var dataset = new JsonObject
        {
            ["name"] = "Streaming bench " + Guid.NewGuid().ToString("N")[..8],
            ["schemaRef"] = new JsonObject { ["id"] = schemaId, ["contentType"] = "application/vnd.adobe.xed+json;version=1" },
            ["streamingIngestionEnabled"] = "true",
            ["tags"] = new JsonObject { ["unifiedProfile"] = new JsonArray("enabled:true"), ["unifiedIdentity"] = new JsonArray("enabled:true") },
        };
        return (await SendJson(HttpMethod.Post, "/data/foundation/catalog/dataSets", dataset)).AsArray()[0]!.GetValue<string>().Split('/')[^1];
    }

    public async Task<string> InletAsync()
    {
        var body = JsonNode.Parse("""
            {"name":"Streaming bench","providerId":"521eee4d-8cbe-4906-bb48-fb6bd4450033","connectionSpec":{"id":"bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb","version":"1.0"},
             "auth":{"specName":"Streaming Connection","params":{"sourceId":"bench","dataType":"xdm","name":"Streaming bench","authenticationRequired":false}}}
            """);
        var id = (await SendJson(HttpMethod.Post, "/data/foundation/flowservice/connections", body))["id"]!.GetValue<string>();
        var connection = await SendJson(HttpMethod.Get, $"/data/foundation/flowservice/connections/{id}", null);
        return connection["items"]![0]!["auth"]!["params"]!["inletId"]!.GetValue<string>();
    }

    private static JsonObject Ref(string id) => new() { ["$ref"] = id };

    private async Task<JsonNode> SendJson(HttpMethod method, string path, JsonNode? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, method == HttpMethod.Patch && body is JsonArray ? "application/json-patch+json" : "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("x-api-key", "profileplatform-dev");
        request.Headers.Add("x-gw-ims-org-id", Org);
        request.Headers.Add("x-sandbox-name", "prod");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
