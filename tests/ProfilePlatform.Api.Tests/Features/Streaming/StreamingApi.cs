using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.BatchIngestion;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Streaming;

/// <summary>What the streaming tests share: a loyalty dataset, HTTP API connections (Flow Service) or inlets (inlet API),
/// envelopes, collection requests without gateway headers (as DCS takes them), and waiting for streamed records to land.</summary>
internal sealed class StreamingApi(PlatformFixture fixture)
{
    public const string Connections = "/data/foundation/flowservice/connections";
    public const string Inlets = "/data/core/edge/inlet";
    public const string HttpApiSpec = "bc7b00d6-623a-4dfc-9fdb-f1240aeadaeb";

    public IngestionApi Ingestion { get; } = new(fixture);

    public AepClient Client => Ingestion.Client;

    public static string T => TestClients.OrgA.TenantId;

    /// <summary>A sandbox with a loyalty schema, a dataset on it, and an HTTP API connection's inlet.</summary>
    public async Task<Target> NewTarget(TestClient client, bool authenticated = false)
    {
        var sandbox = await Ingestion.NewSandbox(client);
        var schema = await Ingestion.NewLoyaltySchema(client, sandbox);
        var dataset = await Ingestion.NewDataset(client, sandbox, schema);
        var (_, inletId) = await NewConnection(client, sandbox, authenticated);
        return new Target(client, sandbox, schema, dataset, inletId);
    }

    public Task<HttpResponseMessage> CreateConnection(TestClient client, string sandbox, string body) =>
        Ingestion.CatalogApi.Send(HttpMethod.Post, Connections, client, sandbox, body);

    public static string ConnectionBody(bool authenticated = false, string spec = HttpApiSpec) =>
        "{\"name\":\"Streaming connection " + Guid.NewGuid().ToString("N") + "\",\"providerId\":\"521eee4d-8cbe-4906-bb48-fb6bd4450033\",\"description\":\"test\","
        + "\"connectionSpec\":{\"id\":\"" + spec + "\",\"version\":\"1.0\"},"
        + "\"auth\":{\"specName\":\"Streaming Connection\",\"params\":{\"sourceId\":\"test source\",\"dataType\":\"xdm\",\"name\":\"test\",\"authenticationRequired\":"
        + (authenticated ? "true" : "false") + "}}}";

    /// <summary>Creates a connection and reads its inlet id from the lookup.</summary>
    public async Task<(string ConnectionId, string InletId)> NewConnection(TestClient client, string sandbox, bool authenticated = false)
    {
        using var created = await CreateConnection(client, sandbox, ConnectionBody(authenticated));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create connection: {(int)created.StatusCode} {text}");
        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        using var lookup = await Client.GetAsync($"{Connections}/{id}", client, sandbox);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        var inletId = (await AepClient.JsonAsync(lookup))["items"]![0]!["auth"]!["params"]!["inletId"]!.GetValue<string>();
        return (id, inletId);
    }

    /// <summary>An XDM envelope for <paramref name="target"/> with <paramref name="entity"/> as the record.</summary>
    public static string Envelope(Target target, string entity, string? imsOrg = null, string? datasetId = null, string? schemaId = null)
    {
        var schema = schemaId ?? target.Schema;
        var schemaRef = "{\"id\":\"" + schema + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}";
        return "{\"header\":{\"schemaRef\":" + schemaRef + ",\"imsOrgId\":\"" + (imsOrg ?? target.Client.ImsOrg) + "\",\"datasetId\":\"" + (datasetId ?? target.Dataset)
            + "\",\"source\":{\"name\":\"tests\"}},\"body\":{\"xdmMeta\":{\"schemaRef\":" + schemaRef + "},\"xdmEntity\":" + entity + "}}";
    }

    public static string Member(string id, int points = 10) => IngestionApi.Record(T, id, points);

    /// <summary>POST to <c>/collection/...</c> with a raw body, no gateway headers unless given.</summary>
    public async Task<HttpResponseMessage> Collect(string path, string? body, string? contentType = "application/json", string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.Http.SendAsync(request);
    }

    /// <summary>The dataset's records through Data Access (dataset preview), once at least <paramref name="count"/> are there.</summary>
    public async Task<List<JsonNode>> WaitForRecords(Target target, int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var preview = await Client.GetAsync($"{IngestionApi.Export}/datasets/{target.Dataset}/preview", target.Client, target.Sandbox);
            var records = preview.StatusCode == HttpStatusCode.OK ? (await AepClient.JsonAsync(preview))["data"]!.AsArray().Select(r => r!).ToList() : [];
            if (records.Count >= count || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The dataset's batches in Catalog.</summary>
    public async Task<List<JsonObject>> Batches(Target target)
    {
        var list = await Ingestion.CatalogApi.GetObject($"{IngestionApi.Catalog}/batches?dataSet={target.Dataset}", target.Client, target.Sandbox);
        return [.. list.Select(kv => kv.Value!.AsObject())];
    }

    public static async Task<JsonObject> Body(HttpResponseMessage response) => (await AepClient.JsonAsync(response)).AsObject();

    /// <summary>A DCS error body: the inlet problem type, the status, a report message mentioning <paramref name="mentions"/>.</summary>
    public static async Task AssertDcsError(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = JsonNode.Parse(raw)!;
        Assert.Equal("http://ns.adobe.com/adobecloud/problem/data-collection-service/inlet", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["report"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>Where a test streams to.</summary>
internal sealed record Target(TestClient Client, string Sandbox, string Schema, string Dataset, string InletId)
{
    public string Url => $"/collection/{InletId}";
}
