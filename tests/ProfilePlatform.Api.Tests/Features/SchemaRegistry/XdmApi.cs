using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.SchemaRegistry;

/// <summary>Schema Registry calls as the AEP tutorials make them, for tests that build schemas step by step.</summary>
public sealed class XdmApi(AepClient client)
{
    public const string Base = "/data/foundation/schemaregistry";
    public const string Profile = "https://ns.adobe.com/xdm/context/profile";
    public const string IdentityMap = "https://ns.adobe.com/xdm/context/identitymap";
    public const string Raw = "application/vnd.adobe.xed+json; version=1";
    public const string Full = "application/vnd.adobe.xed-full+json; version=1";
    public const string IdList = "application/vnd.adobe.xed-id+json";

    public AepClient Client => client;

    public async Task<string> NewSandboxAsync(TestClient who)
    {
        var name = Names.Sandbox("sr");
        using var response = await client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", who, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    public Task<HttpResponseMessage> PostAsync(TestClient who, string sandbox, string resources, JsonNode body) =>
        client.SendAsync(HttpMethod.Post, $"{Base}/tenant/{resources}", who, sandbox, body.ToJsonString());

    /// <summary>Creates a resource and returns its <c>$id</c>, failing the test on anything but 201.</summary>
    public async Task<string> CreateAsync(TestClient who, string sandbox, string resources, JsonNode body)
    {
        using var response = await PostAsync(who, sandbox, resources, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create {resources}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["$id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> PatchAsync(TestClient who, string sandbox, string resources, string id, JsonNode patch) =>
        client.SendAsync(HttpMethod.Patch, $"{Base}/tenant/{resources}/{Uri.EscapeDataString(id)}", who, sandbox, patch.ToJsonString());

    public Task<HttpResponseMessage> PutAsync(TestClient who, string sandbox, string resources, string id, JsonNode body) =>
        client.SendAsync(HttpMethod.Put, $"{Base}/tenant/{resources}/{Uri.EscapeDataString(id)}", who, sandbox, body.ToJsonString());

    public async Task<HttpResponseMessage> GetAsync(TestClient who, string sandbox, string path, string? accept)
    {
        using var request = await client.RequestAsync(HttpMethod.Get, path.StartsWith('/') ? path : $"{Base}/{path}", who, sandbox);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.Http.SendAsync(request);
    }

    /// <summary>A lookup that must succeed: the document in the given Accept form.</summary>
    public async Task<JsonObject> LookupAsync(TestClient who, string sandbox, string resources, string id, string accept = Raw)
    {
        using var response = await GetAsync(who, sandbox, $"tenant/{resources}/{Uri.EscapeDataString(id)}", accept);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"lookup {id}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static JsonObject FieldGroup(string title, string tenant, JsonObject fields, string intendedClass = Profile) => new()
    {
        ["title"] = title,
        ["type"] = "object",
        ["meta:intendedToExtend"] = new JsonArray(intendedClass),
        ["definitions"] = new JsonObject
        {
            ["fields"] = new JsonObject { ["properties"] = new JsonObject { ["_" + tenant] = new JsonObject { ["type"] = "object", ["properties"] = fields } } },
        },
        ["allOf"] = new JsonArray(Ref("#/definitions/fields")),
    };

    public static JsonObject Schema(string title, params string[] parts) => new()
    {
        ["title"] = title,
        ["type"] = "object",
        ["allOf"] = new JsonArray(parts.Select(p => (JsonNode)Ref(p)).ToArray()),
    };

    public static JsonObject Field(string type, string? title = null) => new() { ["type"] = type, ["title"] = title ?? type };

    public static JsonObject Ref(string id) => new() { ["$ref"] = id };

    public static JsonArray Ops(params JsonObject[] ops) => new(ops.Select(o => (JsonNode)o).ToArray());

    public static JsonObject Op(string op, string path, JsonNode? value = null)
    {
        var o = new JsonObject { ["op"] = op, ["path"] = path };
        if (value is not null)
        {
            o["value"] = value;
        }

        return o;
    }

    public static async Task AssertXdmErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = JsonNode.Parse(raw)!;
        Assert.Equal($"http://ns.adobe.com/aep/errors/{code}", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
