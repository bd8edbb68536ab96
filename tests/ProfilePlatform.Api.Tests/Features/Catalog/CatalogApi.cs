using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Api.Tests.Features.Catalog;

/// <summary>What the Catalog API tests share: a sandbox of their own, schemas to base datasets on, requests with any
/// content type, and the check of AEP's generic error body.</summary>
internal sealed class CatalogApi(PlatformFixture fixture)
{
    public const string Base = "/data/foundation/catalog";
    public const string Profile = "https://ns.adobe.com/xdm/context/profile";

    public AepClient Client { get; } = AepClient.For(fixture.Factory);

    public async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("cat");
        using var response = await Client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    /// <summary>A tenant schema of the profile class, through the Schema Registry API.</summary>
    public async Task<string> NewSchema(TestClient client, string sandbox, string? title = null)
    {
        var body = new JsonObject
        {
            ["title"] = title ?? "Catalog test " + Guid.NewGuid().ToString("N")[..8],
            ["type"] = "object",
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = Profile }),
        };
        using var response = await Client.SendAsync(HttpMethod.Post, "/data/foundation/schemaregistry/tenant/schemas", client, sandbox, body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await AepClient.JsonAsync(response))["$id"]!.GetValue<string>();
    }

    /// <summary>A schema enabled for Profile (<c>meta:immutableTags: ["union"]</c>), written straight to the store: the
    /// registry's PATCH that sets the tag is not part of this branch.</summary>
    public async Task<string> NewProfileEnabledSchema(TestClient client, string sandbox)
    {
        var plain = await NewSchema(client, sandbox);
        using var scope = fixture.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(client.ImsOrg, sandbox));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = db.XdmResources.Single(r => r.Id == plain);
        var document = JsonNode.Parse(stored.Document)!.AsObject();
        document["meta:immutableTags"] = new JsonArray("union");
        var id = plain[..^8] + "00union0";
        document["$id"] = id;
        document["meta:altId"] = XdmId.AltIdOf(id);
        db.XdmResources.Add(XdmResource.Create(new TenantKey(client.ImsOrg, sandbox), id, XdmResourceType.Schema, stored.Title + " (union)", "1.0", document.ToJsonString(), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<string> NewDataset(TestClient client, string sandbox, string schemaId, string? name = null, JsonObject? extra = null)
    {
        var body = new JsonObject { ["name"] = name ?? "ds-" + Guid.NewGuid().ToString("N")[..8], ["schemaRef"] = SchemaRef(schemaId) };
        foreach (var (key, value) in extra ?? [])
        {
            body[key] = value?.DeepClone();
        }

        using var response = await Send(HttpMethod.Post, $"{Base}/dataSets", client, sandbox, body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return IdOf(await AepClient.JsonAsync(response));
    }

    public async Task<string> NewBatch(TestClient client, string sandbox, string dataSetId)
    {
        using var response = await Send(HttpMethod.Post, $"{Base}/batches", client, sandbox, $$$"""{"relatedObjects":[{"type":"dataSet","id":"{{{dataSetId}}}"}]}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return IdOf(await AepClient.JsonAsync(response));
    }

    /// <summary>A request with a raw body of any content type (null: no Content-Type header at all).</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, TestClient client, string sandbox, string? body = null, string? contentType = "application/json", Action<HttpRequestMessage>? tweak = null)
    {
        using var request = await Client.RequestAsync(method, path, client, sandbox);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        tweak?.Invoke(request);
        return await Client.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Get(string path, TestClient client, string sandbox) => Client.GetAsync(path, client, sandbox);

    public async Task<JsonObject> GetObject(string path, TestClient client, string sandbox)
    {
        using var response = await Get(path, client, sandbox);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AepClient.JsonAsync(response)).AsObject();
    }

    public static JsonObject SchemaRef(string id) => new() { ["id"] = id, ["contentType"] = "application/vnd.adobe.xed+json;version=1" };

    /// <summary>The id in a Catalog write answer <c>["@/dataSets/{id}"]</c>, as clients parse it.</summary>
    public static string IdOf(JsonNode answer) => answer.AsArray().Single()!.GetValue<string>().Split('/')[^1];

    /// <summary>AEP's generic error body (the shape of the documented Catalog error), with the status and a detail mentioning <paramref name="mentions"/>.</summary>
    public static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("/placeholder/type/uri", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.EndsWith("Error", body["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
