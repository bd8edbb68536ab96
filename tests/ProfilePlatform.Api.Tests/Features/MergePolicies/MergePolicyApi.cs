using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.Catalog;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.MergePolicies;

/// <summary>What the merge policy API tests share: a sandbox of their own, datasets to rank, policy bodies as the
/// docs write them, and the check of Profile's error body.</summary>
internal sealed class MergePolicyApi(PlatformFixture fixture)
{
    public const string Base = "/data/core/ups/config/mergePolicies";

    private readonly CatalogApi _catalog = new(fixture);

    public AepClient Client => _catalog.Client;

    public async Task<string> NewSandbox(TestClient client)
    {
        var name = Names.Sandbox("mp");
        using var response = await Client.SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", client, json: new { name, title = name, type = "development" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return name;
    }

    /// <summary>Catalog datasets on a profile schema of the sandbox.</summary>
    public async Task<string[]> NewDatasets(TestClient client, string sandbox, int count)
    {
        var schema = await _catalog.NewSchema(client, sandbox);
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await _catalog.NewDataset(client, sandbox, schema);
        }

        return ids;
    }

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

    public static string Body(
        string? name = "Loyalty members", string identityGraph = "pdg", string attributeMerge = "timestampOrdered", string[]? order = null,
        bool? isDefault = null, bool? onEdge = null, string schema = "_xdm.context.profile")
    {
        var merge = new JsonObject { ["type"] = attributeMerge };
        if (order is not null)
        {
            merge["order"] = new JsonArray([.. order.Select(o => (JsonNode)JsonValue.Create(o))]);
        }

        var body = new JsonObject();
        if (name is not null)
        {
            body["name"] = name;
        }

        body["identityGraph"] = new JsonObject { ["type"] = identityGraph };
        body["attributeMerge"] = merge;
        body["schema"] = new JsonObject { ["name"] = schema };
        if (isDefault is not null)
        {
            body["default"] = isDefault;
        }

        if (onEdge is not null)
        {
            body["isActiveOnEdge"] = onEdge;
        }

        return body.ToJsonString();
    }

    /// <summary>Creates a policy and returns it as answered.</summary>
    public async Task<JsonObject> NewPolicy(TestClient client, string sandbox, string? body = null)
    {
        using var response = await Send(HttpMethod.Post, Base, client, sandbox, body ?? Body(name: "Policy " + Guid.NewGuid().ToString("N")[..6]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"create merge policy: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject> List(TestClient client, string sandbox, string query = "")
    {
        using var response = await Get(Base + query, client, sandbox);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"list merge policies: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject> GetPolicy(TestClient client, string sandbox, string id)
    {
        using var response = await Get($"{Base}/{id}", client, sandbox);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AepClient.JsonAsync(response)).AsObject();
    }

    /// <summary>The ids of every policy of the sandbox that is a default.</summary>
    public async Task<List<string>> Defaults(TestClient client, string sandbox) =>
        [.. (await List(client, sandbox, "?limit=100"))["children"]!.AsArray().Where(p => p!["default"]!.GetValue<bool>()).Select(p => p!["id"]!.GetValue<string>())];

    /// <summary>Profile's error body: <c>{"message":"CODE: ...","cause","statusCode":"NNN"}</c>.</summary>
    public static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["message", "cause", "statusCode"], body.Select(p => p.Key));
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body["statusCode"]!.GetValue<string>());
        Assert.StartsWith(code + ": ", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(mentions, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
