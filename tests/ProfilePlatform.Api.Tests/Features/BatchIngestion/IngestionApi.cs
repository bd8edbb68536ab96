using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.Catalog;
using ProfilePlatform.Api.Tests.Features.SchemaRegistry;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.BatchIngestion;

/// <summary>What the batch ingestion tests share: a sandbox with a schema of known fields and a dataset on it, batches,
/// uploads of raw bytes, and waiting for a batch to reach a final status through Catalog, as a client polls.</summary>
internal sealed class IngestionApi(PlatformFixture fixture)
{
    public const string Import = "/data/foundation/import";
    public const string Export = "/data/foundation/export";
    public const string Catalog = "/data/foundation/catalog";

    private readonly CatalogApi _catalog = new(fixture);

    public AepClient Client => _catalog.Client;

    public CatalogApi CatalogApi => _catalog;

    public Task<string> NewSandbox(TestClient client) => _catalog.NewSandbox(client);

    /// <summary>A profile schema with a tenant field group: <c>_{tenant}.loyalty</c> {id (required string), points (int),
    /// tier (enum gold|silver), joined (date), lastVisit (date-time), vip (boolean), score (number)}.</summary>
    public async Task<string> NewLoyaltySchema(TestClient client, string sandbox)
    {
        var xdm = new XdmApi(Client);
        var loyalty = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = XdmApi.Field("string", "Loyalty ID"),
                ["points"] = new JsonObject { ["type"] = "integer", ["meta:xdmType"] = "int", ["title"] = "Points" },
                ["tier"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("gold", "silver"), ["title"] = "Tier" },
                ["joined"] = new JsonObject { ["type"] = "string", ["format"] = "date", ["title"] = "Joined" },
                ["lastVisit"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["title"] = "Last visit" },
                ["vip"] = XdmApi.Field("boolean", "VIP"),
                ["score"] = XdmApi.Field("number", "Score"),
            },
            ["required"] = new JsonArray("id"),
        };
        var group = await xdm.CreateAsync(client, sandbox, "fieldgroups", XdmApi.FieldGroup("Loyalty " + Guid.NewGuid().ToString("N")[..8], client.TenantId, new JsonObject { ["loyalty"] = loyalty }));
        return await xdm.CreateAsync(client, sandbox, "schemas", XdmApi.Schema("Loyalty members " + Guid.NewGuid().ToString("N")[..8], XdmApi.Profile, group));
    }

    public Task<string> NewDataset(TestClient client, string sandbox, string schema) => _catalog.NewDataset(client, sandbox, schema);

    /// <summary>A sandbox, a loyalty schema and a dataset on it.</summary>
    public async Task<(string Sandbox, string Dataset)> NewLoyaltyDataset(TestClient client)
    {
        var sandbox = await NewSandbox(client);
        var schema = await NewLoyaltySchema(client, sandbox);
        return (sandbox, await NewDataset(client, sandbox, schema));
    }

    public Task<HttpResponseMessage> CreateBatchResponse(TestClient client, string sandbox, string body) =>
        _catalog.Send(HttpMethod.Post, $"{Import}/batches", client, sandbox, body);

    public async Task<string> NewBatch(TestClient client, string sandbox, string dataset, string format = "json", string extra = "")
    {
        using var response = await CreateBatchResponse(client, sandbox, $$"""{"datasetId":"{{dataset}}","inputFormat":{"format":"{{format}}"}{{extra}}}""");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create batch: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>PUT of raw bytes as <c>application/octet-stream</c> (or another content type).</summary>
    public async Task<HttpResponseMessage> Put(TestClient client, string sandbox, string batch, string dataset, string name, byte[] content, string contentType = "application/octet-stream")
    {
        using var request = await Client.RequestAsync(HttpMethod.Put, $"{Import}/batches/{batch}/datasets/{dataset}/files/{name}", client, sandbox);
        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Client.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Put(TestClient client, string sandbox, string batch, string dataset, string name, string content) =>
        Put(client, sandbox, batch, dataset, name, Encoding.UTF8.GetBytes(content));

    public async Task Upload(TestClient client, string sandbox, string batch, string dataset, string name, byte[] content)
    {
        using var response = await Put(client, sandbox, batch, dataset, name, content);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task Upload(TestClient client, string sandbox, string batch, string dataset, string name, string content) =>
        Upload(client, sandbox, batch, dataset, name, Encoding.UTF8.GetBytes(content));

    public async Task<HttpResponseMessage> Patch(TestClient client, string sandbox, string batch, string dataset, string name, byte[] part, string? contentRange)
    {
        using var request = await Client.RequestAsync(HttpMethod.Patch, $"{Import}/batches/{batch}/datasets/{dataset}/files/{name}", client, sandbox);
        request.Content = new ByteArrayContent(part);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        if (contentRange is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        return await Client.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> FileAction(TestClient client, string sandbox, string batch, string dataset, string name, string action) =>
        Client.SendAsync(HttpMethod.Post, $"{Import}/batches/{batch}/datasets/{dataset}/files/{name}?action={action}", client, sandbox);

    public Task<HttpResponseMessage> Act(TestClient client, string sandbox, string batch, string action) =>
        Client.SendAsync(HttpMethod.Post, $"{Import}/batches/{batch}?action={action}", client, sandbox);

    public async Task Complete(TestClient client, string sandbox, string batch)
    {
        using var response = await Act(client, sandbox, batch, "COMPLETE");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"complete: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The batch as Catalog shows it.</summary>
    public async Task<JsonObject> CatalogBatch(TestClient client, string sandbox, string batch) =>
        (await _catalog.GetObject($"{Catalog}/batches/{batch}", client, sandbox))[batch]!.AsObject();

    /// <summary>Polls Catalog until the batch is success or failed (or the time runs out), as AEP clients do.</summary>
    public async Task<JsonObject> WaitForFinal(TestClient client, string sandbox, string batch, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var current = await CatalogBatch(client, sandbox, batch);
            var status = current["status"]!.GetValue<string>();
            if (status is "success" or "failed" or "aborted" || DateTime.UtcNow > deadline)
            {
                return current;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Uploads the files, completes the batch and waits for its final status.</summary>
    public async Task<JsonObject> Ingest(TestClient client, string sandbox, string dataset, string format, params (string Name, byte[] Content)[] files) =>
        await IngestWith(client, sandbox, dataset, $$"""{"format":"{{format}}"}""", "", files);

    public async Task<(string Batch, JsonObject Final)> IngestBatch(TestClient client, string sandbox, string dataset, string inputFormat, string extra, params (string Name, byte[] Content)[] files)
    {
        using var created = await CreateBatchResponse(client, sandbox, $$"""{"datasetId":"{{dataset}}","inputFormat":{{inputFormat}}{{extra}}}""");
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create batch: {(int)created.StatusCode} {text}");
        var batch = JsonNode.Parse(text)!["id"]!.GetValue<string>();
        foreach (var (name, content) in files)
        {
            await Upload(client, sandbox, batch, dataset, name, content);
        }

        await Complete(client, sandbox, batch);
        return (batch, await WaitForFinal(client, sandbox, batch));
    }

    public async Task<JsonObject> IngestWith(TestClient client, string sandbox, string dataset, string inputFormat, string extra, params (string Name, byte[] Content)[] files) =>
        (await IngestBatch(client, sandbox, dataset, inputFormat, extra, files)).Final;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A valid loyalty record as one JSON line.</summary>
    public static string Record(string tenant, string id, int points = 10) =>
        "{\"_" + tenant + "\":{\"loyalty\":{\"id\":\"" + id + "\",\"points\":" + points.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"tier\":\"gold\"}}}";

    /// <summary>AEP's generic error body with the status and a detail mentioning <paramref name="mentions"/>.</summary>
    public static Task AssertError(HttpResponseMessage response, HttpStatusCode status, string mentions) => CatalogApi.AssertError(response, status, mentions);
}
