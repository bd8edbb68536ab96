using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.ProfileSystemJobs;

/// <summary>Requests to <c>/data/core/ups/system/jobs</c> and polling a job until it ends.</summary>
internal sealed class SystemJobsApi(AepClient client)
{
    public const string Base = "/data/core/ups/system/jobs";

    public Task<HttpResponseMessage> Post(TestClient who, string sandbox, string body) =>
        client.SendAsync(HttpMethod.Post, Base, who, sandbox, body);

    public Task<HttpResponseMessage> Get(TestClient who, string sandbox, string id) =>
        client.GetAsync($"{Base}/{Uri.EscapeDataString(id)}", who, sandbox);

    public Task<HttpResponseMessage> List(TestClient who, string sandbox, string query = "") =>
        client.GetAsync(Base + query, who, sandbox);

    public Task<HttpResponseMessage> Delete(TestClient who, string sandbox, string id) =>
        client.SendAsync(HttpMethod.Delete, $"{Base}/{Uri.EscapeDataString(id)}", who, sandbox);

    /// <summary>Creates a job (200, checked against the spec) and returns its body.</summary>
    public async Task<JsonObject> Create(TestClient who, string sandbox, string body)
    {
        using var response = await Post(who, sandbox, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"create job: {(int)response.StatusCode} {text}");
        await OpenApiContract.AssertMatchesAsync(response);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Polls the job until SUCCESS or ERROR (or the time runs out) and returns it.</summary>
    public async Task<JsonObject> WaitForEnd(TestClient who, string sandbox, string id, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var response = await Get(who, sandbox, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = (await AepClient.JsonAsync(response)).AsObject();
            if (job["status"]!.GetValue<string>() is "SUCCESS" or "ERROR" || DateTime.UtcNow > deadline)
            {
                await OpenApiContract.AssertMatchesAsync(response);
                return job;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Asserts Profile's error body (checked against the spec unless <paramref name="documented"/> is false: the spec
    /// documents no 400 for the list) (<c>{"message":"UPS-...: ...","cause","statusCode"}</c>) with the code and a mention.</summary>
    public static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions, bool documented = true)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        var message = body["message"]!.GetValue<string>();
        Assert.StartsWith(code + ": ", message, StringComparison.Ordinal);
        Assert.Contains(mentions, message, StringComparison.Ordinal);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body["statusCode"]!.GetValue<string>());
        if (documented)
        {
            await OpenApiContract.AssertMatchesAsync(response);
        }
    }
}
