using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>Calls the platform the way an AEP client does: a token from IMS, then the gateway headers.</summary>
public sealed class AepClient(HttpClient http)
{
    private readonly Dictionary<string, string> _tokens = [];

    public HttpClient Http { get; } = http;

    public static AepClient For(PlatformFactory factory) => new(factory.CreateClient());

    /// <summary>An access token from <c>POST /ims/token/v3</c>.</summary>
    public async Task<string> TokenAsync(TestClient client)
    {
        if (_tokens.TryGetValue(client.ClientId, out var cached))
        {
            return cached;
        }

        using var response = await Http.PostAsync("/ims/token/v3", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = "openid,AdobeID,read_organizations",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token request failed: {(int)response.StatusCode} {body}");
        var token = JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
        _tokens[client.ClientId] = token;
        return token;
    }

    /// <summary>A request with the AEP headers of <paramref name="client"/>; <paramref name="sandbox"/> null sends no sandbox header.</summary>
    public async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, TestClient client, string? sandbox = "prod", object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        request.Headers.Add("x-api-key", client.ClientId);
        request.Headers.Add("x-gw-ims-org-id", client.ImsOrg);
        if (sandbox is not null)
        {
            request.Headers.Add("x-sandbox-name", sandbox);
        }

        if (json is not null)
        {
            request.Content = json is string raw
                ? new StringContent(raw, Encoding.UTF8, "application/json")
                : JsonContent.Create(json);
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, TestClient client, string? sandbox = "prod", object? json = null)
    {
        using var request = await RequestAsync(method, path, client, sandbox, json);
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, TestClient client, string? sandbox = "prod") => SendAsync(HttpMethod.Get, path, client, sandbox);

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(body) ?? throw new InvalidOperationException("empty body");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Response {(int)response.StatusCode} is not JSON: {body}", ex);
        }
    }
}
