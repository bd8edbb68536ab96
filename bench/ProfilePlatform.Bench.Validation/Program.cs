// Validations per second of ~600-byte XDM Individual Profile records against a composed schema (standard profile
// field groups + a tenant loyalty field group), single-threaded and on every core. Run:
//   dotnet run -c Release --project bench/ProfilePlatform.Bench.Validation [seconds per measurement, default 5]
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Library;
using ProfilePlatform.Domain.SchemaRegistry.Validation;

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var schema = Fixtures.ProfileSchema();
var valid = Encoding.UTF8.GetBytes(JsonNode.Parse(Fixtures.Record)!.ToJsonString());
var invalid = Encoding.UTF8.GetBytes(JsonNode.Parse(Fixtures.Record)!.ToJsonString()
    .Replace("\"gender\":\"female\"", "\"gender\":\"robot\"", StringComparison.Ordinal)
    .Replace("\"points\":1200", "\"points\":\"many\"", StringComparison.Ordinal)
    .Replace("\"joined\":\"2020-01-31\"", "\"joined\":\"31/01/2020\"", StringComparison.Ordinal));

var compile = Stopwatch.StartNew();
var validator = XdmRecordValidator.Compile(schema);
compile.Stop();
Check(validator.Validate(valid).Count == 0, "the valid record has violations");
Check(validator.Validate(invalid).Count == 3, "the invalid record does not have 3 violations");

Console.WriteLine($"## XDM record validation, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine($"- schema: {Count(schema)} fields composed; compile {compile.Elapsed.TotalMilliseconds:F1} ms (first, cold)");
Console.WriteLine($"- record: {valid.Length} bytes (valid), {invalid.Length} bytes (3 violations); {seconds} s per measurement after 2 s warm-up");
Console.WriteLine();
Console.WriteLine("| measurement | threads | records/s | µs/record | alloc bytes/record |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Measure("JsonDocument.Parse only (reference)", 1, () => { using var d = JsonDocument.Parse(valid); });
Measure("Validate(bytes), valid record", 1, () => validator.Validate(valid));
Measure("Validate(JsonElement) incl. JsonDocument.Parse, valid", 1, () => { using var d = JsonDocument.Parse(valid); validator.Validate(d.RootElement); });
Measure("Validate(bytes), 3 violations", 1, () => validator.Validate(invalid));
Measure("Validate(bytes), valid record", Environment.ProcessorCount, () => validator.Validate(valid));
Measure("compile the profile schema", 1, () => XdmRecordValidator.Compile(schema));

void Measure(string name, int threads, Action work)
{
    Run(threads, 2, work);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var (count, elapsed) = Run(threads, seconds, work);
    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    var rate = count / elapsed.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"| {name} | {threads} | {rate:N0} | {elapsed.TotalMilliseconds * 1000 * threads / count:F1} | {allocated / count:N0} |"));
}

static (long Count, TimeSpan Elapsed) Run(int threads, double duration, Action work)
{
    long total = 0;
    var clock = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(duration);
    var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
    {
        long n = 0;
        while (clock.Elapsed < until)
        {
            for (var i = 0; i < 100; i++)
            {
                work();
            }

            n += 100;
        }

        Interlocked.Add(ref total, n);
    })).ToList();
    workers.ForEach(t => t.Start());
    workers.ForEach(t => t.Join());
    return (total, clock.Elapsed);
}

static int Count(JsonNode? node) => node switch
{
    JsonObject o => ((o["properties"] as JsonObject)?.Sum(p => 1 + Count(p.Value)) ?? 0) + Count(o["items"]) + Count(o["additionalProperties"]),
    _ => 0,
};

static void Check(bool ok, string problem)
{
    if (!ok)
    {
        throw new InvalidOperationException(problem);
    }
}

/// <summary>The schema and record of the measurement (the same shapes as the unit tests' XdmTestSchemas).</summary>
internal static class Fixtures
{
    private const string LoyaltyId = "https://ns.adobe.com/acme/mixins/loyalty";

    public const string Record = """
        {
          "_id": "https://data.acme.example/profiles/1",
          "personID": "p-0001",
          "person": {
            "name": { "firstName": "Ada", "lastName": "Lovelace", "fullName": "Ada Lovelace" },
            "birthDate": "1815-12-10",
            "gender": "female"
          },
          "personalEmail": { "address": "ada@example.com", "primary": true },
          "homeAddress": { "city": "London", "countryCode": "GB", "postalCode": "W1A 1AA" },
          "mobilePhone": { "number": "+44 20 7946 0000" },
          "identityMap": {
            "ECID": [{ "id": "92312748749128", "primary": true, "authenticatedState": "ambiguous" }],
            "Email": [{ "id": "ada@example.com" }]
          },
          "_acme": {
            "loyalty": {
              "loyaltyId": "L-1", "points": 1200, "level": 3, "tier": "gold", "code": "ABC-1234",
              "joined": "2020-01-31", "memberSince": "2020-01-31T10:00:00+01:00", "website": "https://ada.example.com",
              "tags": ["vip"], "scores": { "q1": 10 }
            }
          }
        }
        """;

    private const string Loyalty = """
        {
          "$id": "https://ns.adobe.com/acme/mixins/loyalty", "title": "Acme Loyalty", "type": "object",
          "definitions": { "loyalty": { "properties": { "_acme": { "type": "object", "properties": {
            "loyalty": { "type": "object", "required": ["loyaltyId"], "properties": {
              "loyaltyId": { "type": "string" },
              "points": { "type": "integer", "meta:xdmType": "int" },
              "level": { "type": "integer", "meta:xdmType": "short", "minimum": 0, "maximum": 10 },
              "tier": { "type": "string", "enum": ["gold", "silver", "bronze"] },
              "code": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$" },
              "joined": { "type": "string", "format": "date", "meta:xdmType": "date" },
              "memberSince": { "type": "string", "format": "date-time", "meta:xdmType": "date-time" },
              "website": { "type": "string", "format": "uri" },
              "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 3 },
              "scores": { "type": "object", "meta:xdmType": "map", "additionalProperties": { "type": "integer", "meta:xdmType": "int" } }
            } } } } } } },
          "allOf": [{ "$ref": "#/definitions/loyalty" }]
        }
        """;

    public static JsonObject ProfileSchema()
    {
        var loyalty = JsonNode.Parse(Loyalty)!.AsObject();
        var parts = new[]
        {
            "https://ns.adobe.com/xdm/context/profile", "https://ns.adobe.com/xdm/context/profile-person-details",
            "https://ns.adobe.com/xdm/context/profile-personal-details", "https://ns.adobe.com/xdm/context/identitymap", LoyaltyId,
        };
        var schema = new JsonObject
        {
            ["$id"] = "https://ns.adobe.com/acme/schemas/bench",
            ["title"] = "Bench",
            ["type"] = "object",
            ["allOf"] = new JsonArray([.. parts.Select(p => (JsonNode)new JsonObject { ["$ref"] = p })]),
        };
        return new XdmComposer(new Resolver(loyalty)).Compose(schema);
    }

    private sealed class Resolver(JsonObject loyalty) : IXdmResolver
    {
        public JsonObject? Resolve(string id) =>
            id == LoyaltyId ? loyalty : XdmStandardLibrary.Instance.Find(id) is { } r && r.Id == id ? r.Document : null;
    }
}
