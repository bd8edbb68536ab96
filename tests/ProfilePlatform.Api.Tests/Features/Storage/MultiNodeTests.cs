using System.Net;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.Storage;

/// <summary>Several stateless API nodes over one PostgreSQL behave as one platform.</summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    // No configured signing key: the first node generates one and keeps it in the store.
    private static readonly Dictionary<string, string?> StoredKey = new() { ["Ims:SigningKey"] = "" };
    private PlatformFactory _node1 = null!;
    private PlatformFactory _node2 = null!;

    public async Task InitializeAsync()
    {
        _node1 = await PlatformFactory.PostgresAsync("multinode", StoredKey);
        _ = _node1.Server;
        _node2 = _node1.SecondNode(StoredKey);
        _ = _node2.Server;
    }

    public async Task DisposeAsync()
    {
        await _node2.DisposeAsync();
        await _node1.DisposeAsync();
    }

    [Fact]
    public async Task Token_IssuedByOneNode_IsAcceptedByAnother()
    {
        // Arrange
        var viaNode1 = AepClient.For(_node1);
        var token = await viaNode1.TokenAsync(TestClients.OrgA);
        var viaNode2 = AepClient.For(_node2);
        using var request = await viaNode2.RequestAsync(HttpMethod.Get, "/data/foundation/sandbox-management/sandboxes", TestClients.OrgA);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        // Act
        using var response = await viaNode2.Http.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Sandbox_CreatedOnOneNode_IsUsableOnAnother()
    {
        // Arrange
        var name = Names.Sandbox();
        using var created = await AepClient.For(_node1).SendAsync(HttpMethod.Post, "/data/foundation/sandbox-management/sandboxes", TestClients.OrgA, json: new { name, title = "Shared", type = "development" });

        // Act
        using var fetched = await AepClient.For(_node2).GetAsync($"/data/foundation/sandbox-management/sandboxes/{name}", TestClients.OrgA);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("Shared", (await AepClient.JsonAsync(fetched))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task DefaultSandbox_ResolvedConcurrentlyOnBothNodes_ExistsOnce()
    {
        // Arrange: a fresh organization has no prod row yet; both nodes race to create it
        var c1 = AepClient.For(_node1);
        var c2 = AepClient.For(_node2);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? c1 : c2).GetAsync("/data/foundation/sandbox-management/sandboxes", TestClients.OrgB)));
        using var list = await c1.GetAsync("/data/foundation/sandbox-management/sandboxes", TestClients.OrgB);

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var prods = (await AepClient.JsonAsync(list))["sandboxes"]!.AsArray().Count(s => s!["name"]!.GetValue<string>() == "prod");
        Assert.Equal(1, prods);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
