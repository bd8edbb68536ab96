using System.Net;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;

namespace ProfilePlatform.Api.Tests.Features.MergePolicies;

/// <summary>The sandbox-wide merge policy rules through HTTP: one default per class under concurrent requests, the
/// five-policy limit, one policy on edge and its protection from deletion, isolation between organizations and
/// sandboxes, and sandbox reset.</summary>
public abstract class MergePolicyRulesApiTests(PlatformFixture fixture)
{
    private const string Base = MergePolicyApi.Base;
    private readonly MergePolicyApi _api = new(fixture);

    [Fact]
    public async Task SetDefault_ConcurrentPatchesOfEveryPolicy_LeaveExactlyOneDefault()
    {
        // Arrange: the system default plus four
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var ids = new List<string> { (await _api.List(TestClients.OrgA, sandbox))["children"]![0]!["id"]!.GetValue<string>() };
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await _api.NewPolicy(TestClients.OrgA, sandbox))["id"]!.GetValue<string>());
        }

        // Act: every policy made the default at once, twice over
        var responses = await Task.WhenAll(ids.Concat(ids).Select(id =>
            _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, sandbox, """{"op":"add","path":"/default","value":true}""")));

        // Assert
        try
        {
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"got {(int)r.StatusCode}"));
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var defaults = await _api.Defaults(TestClients.OrgA, sandbox);
            Assert.Single(defaults);
            Assert.Contains(defaults[0], ids);
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task Create_ConcurrentDefaults_LeaveExactlyOneDefault()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.List(TestClients.OrgA, sandbox);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(name: $"Concurrent {i}", isDefault: true))));

        // Assert
        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(await _api.Defaults(TestClients.OrgA, sandbox));
            Assert.Equal(5, (await _api.List(TestClients.OrgA, sandbox))["_page"]!["totalCount"]!.GetValue<int>());
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task Create_BeyondFivePolicies_Returns400_EvenWhenConcurrent()
    {
        // Arrange: the system default plus two
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        await _api.NewPolicy(TestClients.OrgA, sandbox);
        await _api.NewPolicy(TestClients.OrgA, sandbox);

        // Act: five at once for the two places left
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(name: $"Racer {i}"))));

        // Assert
        try
        {
            Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await OpenApiContract.AssertMatchesAsync(refused);
                await MergePolicyApi.AssertError(refused, HttpStatusCode.BadRequest, "UPS-1003-400", "the most Experience Platform allows");
            }

            Assert.Equal(5, (await _api.List(TestClients.OrgA, sandbox))["_page"]!["totalCount"]!.GetValue<int>());
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task ActiveOnEdge_OnlyOne_AndItCannotBeDeletedUntilPatchedOff()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var onEdge = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Edge", onEdge: true)))["id"]!.GetValue<string>();
        var other = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Other")))["id"]!.GetValue<string>();

        // Act
        using var secondCreate = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Edge 2", onEdge: true));
        using var secondPatch = await _api.Send(HttpMethod.Patch, $"{Base}/{other}", TestClients.OrgA, sandbox, """{"op":"add","path":"/isActiveOnEdge","value":"true"}""");
        using var delete = await _api.Send(HttpMethod.Delete, $"{Base}/{onEdge}", TestClients.OrgA, sandbox);
        using var samePolicy = await _api.Send(HttpMethod.Put, $"{Base}/{onEdge}", TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Edge renamed", onEdge: true));
        using var off = await _api.Send(HttpMethod.Patch, $"{Base}/{onEdge}", TestClients.OrgA, sandbox, """{"op":"add","path":"/isActiveOnEdge","value":false}""");
        using var deleteAfter = await _api.Send(HttpMethod.Delete, $"{Base}/{onEdge}", TestClients.OrgA, sandbox);
        using var otherNow = await _api.Send(HttpMethod.Patch, $"{Base}/{other}", TestClients.OrgA, sandbox, """{"op":"add","path":"/isActiveOnEdge","value":true}""");

        // Assert
        await OpenApiContract.AssertMatchesAsync(secondCreate);
        await MergePolicyApi.AssertError(secondCreate, HttpStatusCode.BadRequest, "UPS-1004-400", onEdge);
        await OpenApiContract.AssertMatchesAsync(secondPatch);
        await MergePolicyApi.AssertError(secondPatch, HttpStatusCode.BadRequest, "UPS-1004-400", onEdge);
        await MergePolicyApi.AssertError(delete, HttpStatusCode.BadRequest, "UPS-1005-400", "isActiveOnEdge to false");
        Assert.Equal(HttpStatusCode.OK, samePolicy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleteAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNow.StatusCode);
        Assert.True((await _api.GetPolicy(TestClients.OrgA, sandbox, other))["isActiveOnEdge"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Delete_TheDefault_LeavesTheClassWithoutOne_AndItIsNotProvisionedAgain()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var systemDefault = (await _api.List(TestClients.OrgA, sandbox))["children"]![0]!["id"]!.GetValue<string>();

        // Act
        using var deleted = await _api.Send(HttpMethod.Delete, $"{Base}/{systemDefault}", TestClients.OrgA, sandbox);
        var after = await _api.List(TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(after["children"]!.AsArray());
        Assert.Equal(0, after["_page"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Isolation_OtherSandboxAndOtherOrg_SeeAndTouchNothing()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var otherSandbox = await _api.NewSandbox(TestClients.OrgA);
        var orgB = await _api.NewSandbox(TestClients.OrgB);
        var id = (await _api.NewPolicy(TestClients.OrgA, sandbox, MergePolicyApi.Body(name: "Private")))["id"]!.GetValue<string>();

        // Act
        using var getOther = await _api.Get($"{Base}/{id}", TestClients.OrgA, otherSandbox);
        using var getOrgB = await _api.Get($"{Base}/{id}", TestClients.OrgB, orgB);
        using var putOrgB = await _api.Send(HttpMethod.Put, $"{Base}/{id}", TestClients.OrgB, orgB, MergePolicyApi.Body(name: "Stolen"));
        using var patchOther = await _api.Send(HttpMethod.Patch, $"{Base}/{id}", TestClients.OrgA, otherSandbox, """{"op":"add","path":"/name","value":"Stolen"}""");
        using var deleteOrgB = await _api.Send(HttpMethod.Delete, $"{Base}/{id}", TestClients.OrgB, orgB);
        using var bulkOrgB = await _api.Send(HttpMethod.Post, $"{Base}/bulk-get", TestClients.OrgB, orgB, $$"""{"ids":[{"id":"{{id}}"}]}""");
        var listOther = await _api.List(TestClients.OrgA, otherSandbox);
        var listOrgB = await _api.List(TestClients.OrgB, orgB);

        // Assert
        foreach (var response in new[] { getOther, getOrgB, putOrgB, patchOther, deleteOrgB })
        {
            await MergePolicyApi.AssertError(response, HttpStatusCode.NotFound, "UPS-1008-404", id);
        }

        Assert.Equal("""{"results":{}}""", (await AepClient.JsonAsync(bulkOrgB)).ToJsonString());
        Assert.DoesNotContain(listOther["children"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.DoesNotContain(listOrgB["children"]!.AsArray(), p => p!["id"]!.GetValue<string>() == id);
        Assert.Equal(TestClients.OrgB.ImsOrg, listOrgB["children"]![0]!["imsOrgId"]!.GetValue<string>());
        var kept = await _api.GetPolicy(TestClients.OrgA, sandbox, id);
        Assert.Equal("Private", kept["name"]!.GetValue<string>());
        Assert.Equal(1, kept["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task SandboxReset_WipesPolicies_AndTheSandboxStartsAgainWithANewDefault()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var kept = await _api.NewSandbox(TestClients.OrgA);
        var systemDefault = (await _api.List(TestClients.OrgA, sandbox))["children"]![0]!["id"]!.GetValue<string>();
        var custom = (await _api.NewPolicy(TestClients.OrgA, sandbox))["id"]!.GetValue<string>();
        var keptId = (await _api.NewPolicy(TestClients.OrgA, kept))["id"]!.GetValue<string>();

        // Act
        using var reset = await _api.Client.SendAsync(HttpMethod.Put, $"/data/foundation/sandbox-management/sandboxes/{sandbox}", TestClients.OrgA, json: new { action = "reset" });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        using var gone = await _api.Get($"{Base}/{custom}", TestClients.OrgA, sandbox);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var fresh = Assert.Single((await _api.List(TestClients.OrgA, sandbox))["children"]!.AsArray())!;
        Assert.Equal("Profile Default Merge Policy", fresh["name"]!.GetValue<string>());
        Assert.NotEqual(systemDefault, fresh["id"]!.GetValue<string>());
        Assert.Contains((await _api.List(TestClients.OrgA, kept))["children"]!.AsArray(), p => p!["id"]!.GetValue<string>() == keptId);
    }

    [Fact]
    public async Task ProductionSandbox_PolicyCarriesItsSandboxObject()
    {
        // Act
        var list = await _api.List(TestClients.OrgB, "prod");

        // Assert: the docs' "sandbox":{"sandboxName":"prod","type":"production","default":true}
        var sandbox = list["children"]![0]!["sandbox"]!;
        Assert.Equal("prod", sandbox["sandboxName"]!.GetValue<string>());
        Assert.Equal("production", sandbox["type"]!.GetValue<string>());
        Assert.True(sandbox["default"]!.GetValue<bool>());
    }
}

public sealed class MergePolicyRulesApiTestsPostgres(PostgresPlatform fixture) : MergePolicyRulesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class MergePolicyRulesApiTestsSqlite(SqlitePlatform fixture) : MergePolicyRulesApiTests(fixture), IClassFixture<SqlitePlatform>;
