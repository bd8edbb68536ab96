using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary>What the Identity Service API tests share: a sandbox of their own, namespace creation, raw requests, and
/// the checks of Identity Service's two error bodies.</summary>
internal sealed class IdentityApi(PlatformFixture fixture)
{
    public const string Namespaces = "/data/core/idnamespace/identities";
    public const string Xid = "/data/core/identity/identity";

    public AepClient Client { get; } = AepClient.For(fixture.Factory);

    public async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("ids");
        using var response = await Client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    /// <summary>A request with a raw body of any content type (null: no Content-Type header at all).</summary>
    public async Task<HttpResponseMessage> Send(HttpMethod method, string path, TestClient client, string sandbox, string? body = null, string? contentType = "application/json")
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

        return await Client.Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Get(string path, TestClient client, string sandbox) => Client.GetAsync(path, client, sandbox);

    public static string Body(string name, string code, string idType = "Cross_device", string? description = null) =>
        new JsonObject { ["name"] = name, ["code"] = code, ["description"] = description, ["idType"] = idType }.ToJsonString();

    /// <summary>Creates a custom namespace and returns it as answered.</summary>
    public async Task<JsonObject> NewNamespace(TestClient client, string sandbox, string code, string? name = null, string idType = "Cross_device")
    {
        using var response = await Send(HttpMethod.Post, Namespaces, client, sandbox, Body(name ?? code + " name", code, idType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"create namespace {code}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonArray> List(TestClient client, string sandbox)
    {
        using var response = await Get(Namespaces, client, sandbox);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AepClient.JsonAsync(response)).AsArray();
    }

    /// <summary>The namespace API's <c>namespacevalidation</c> problem with status, code and a description mentioning <paramref name="mentions"/>.</summary>
    public static async Task AssertNamespaceError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("http://ns.adobe.com/adobecloud/problem/namespacevalidation", body["type"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Equal(code, body["report"]!["code"]!.GetValue<string>());
        Assert.Equal(code, body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["title"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", body["timestamp"]!.GetValue<string>());
        Assert.Contains(mentions, body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The identity API's <c>{"title","status","detail"}</c> error.</summary>
    public static async Task AssertIdentityError(HttpResponseMessage response, HttpStatusCode status, string title, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["title", "status", "detail"], body.Select(p => p.Key));
        Assert.Equal(title, body["title"]!.GetValue<string>());
        Assert.Equal((int)status, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
