using System.Net;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Infrastructure;
using static ProfilePlatform.Api.Tests.Features.Identity.IdentityGraphSeed;

namespace ProfilePlatform.Api.Tests.Features.Identity;

/// <summary>Cluster members, cluster history and identity mappings (identity-service.yaml <c>/identity/cluster/members</c>,
/// <c>/identity/clusters/members</c>; help/identity-service/api/list-cluster-identites.md, list-cluster-history.md,
/// list-identity-mappings.md), answered from a graph seeded through the platform's graph service.</summary>
public abstract class IdentityClusterApiTests(PlatformFixture fixture)
{
    private const string Members = "/data/core/identity/cluster/members";
    private const string ManyMembers = "/data/core/identity/clusters/members";
    private const string History = "/data/core/identity/cluster/history";
    private const string ManyHistory = "/data/core/identity/clusters/history";
    private const string Mapping = "/data/core/identity/mapping";
    private const string ManyMappings = "/data/core/identity/mappings";
    private readonly IdentityApi _api = new(fixture);

    /// <summary>A sandbox with one stitched graph {ECID 1, Email a, Phone p} (two records of dataset ds1) and a second
    /// graph {Email b, ECID 2}.</summary>
    private async Task<string> StitchedSandbox(TestClient? client = null)
    {
        client ??= TestClients.OrgA;
        var sandbox = await _api.NewSandbox(client);
        await LinkAsync(fixture, client, sandbox,
            Record(1, "ds1", "b1", Email("a"), Ecid("1")),
            Record(2, "ds1", "b2", Ecid("1"), Phone("p")),
            Record(3, "ds2", "b3", Email("b"), Ecid("2")));
        return sandbox;
    }

    [Fact]
    public async Task Members_Get_ByNamespaceNsidAndXid_AnswersTheWholeGraphInTheRequestsForm()
    {
        // Arrange
        var sandbox = await StitchedSandbox();

        // Act
        using var byCode = await _api.Get($"{Members}?namespace=Email&id=a", TestClients.OrgA, sandbox);
        using var byShortCode = await _api.Get($"{Members}?ns=email&id=a", TestClients.OrgA, sandbox);
        using var byNsid = await _api.Get($"{Members}?nsId=6&id=a", TestClients.OrgA, sandbox);
        using var byXid = await _api.Get($"{Members}?xid={Email("a").Identity.Xid}&graph-type=pdg", TestClients.OrgA, sandbox);

        // Assert
        foreach (var response in new[] { byCode, byShortCode, byNsid, byXid })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoCache);
        }

        await OpenApiContract.AssertMatchesAsync(byCode);
        await OpenApiContract.AssertMatchesAsync(byNsid);
        await OpenApiContract.AssertMatchesAsync(byXid);
        var code = await AepClient.JsonAsync(byCode);
        Assert.Equal("1.1.0", code["version"]!.GetValue<string>());
        Assert.Equal("""{"namespace":"Email","id":"a"}""", code["clusters"]![0]!["compositeXid"]!.ToJsonString());
        Assert.Equal("""[{"namespace":"ECID","id":"1"},{"namespace":"Email","id":"a"},{"namespace":"Phone","id":"p"}]""", code["clusters"]![0]!["members"]!.ToJsonString());
        Assert.Empty(code["unprocessedRecords"]!.AsArray());
        Assert.Equal("STITCH_ALL", code["algo_type"]!.GetValue<string>());
        var shortCode = await AepClient.JsonAsync(byShortCode);
        Assert.Equal("""{"namespace":"email","id":"a"}""", shortCode["clusters"]![0]!["compositeXid"]!.ToJsonString());
        Assert.Equal(code["clusters"]![0]!["members"]!.ToJsonString(), shortCode["clusters"]![0]!["members"]!.ToJsonString());
        var nsid = await AepClient.JsonAsync(byNsid);
        Assert.Equal("""{"nsid":6,"id":"a"}""", nsid["clusters"]![0]!["compositeXid"]!.ToJsonString());
        Assert.Equal("""[{"nsid":4,"id":"1"},{"nsid":6,"id":"a"},{"nsid":7,"id":"p"}]""", nsid["clusters"]![0]!["members"]!.ToJsonString());
        var xid = await AepClient.JsonAsync(byXid);
        Assert.Equal(Email("a").Identity.Xid, xid["clusters"]![0]!["xid"]!.GetValue<string>());
        Assert.Equal(new[] { Ecid("1"), Email("a"), Phone("p") }.Select(i => i.Identity.Xid), xid["clusters"]![0]!["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Members_Get_XidWinsOverNamespace_UnknownXidOrUnlinkedIdentity_EmptyCluster_NoneIsItselfOnly()
    {
        // Arrange
        var sandbox = await StitchedSandbox();

        // Act: the official collection's request shape (xid, nsid, namespace and id all given)
        using var collection = await _api.Get($"{Members}?xid=2521328045094711779817&nsid=6&namespace=Email&id=a&graph-type=pdg", TestClients.OrgA, sandbox);
        using var unlinked = await _api.Get($"{Members}?namespace=Email&id=nobody@example.com", TestClients.OrgA, sandbox);
        using var none = await _api.Get($"{Members}?namespace=Email&id=a&graph-type=None", TestClients.OrgA, sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(collection);
        var first = await AepClient.JsonAsync(collection);
        Assert.Equal("2521328045094711779817", first["clusters"]![0]!["xid"]!.GetValue<string>());
        Assert.Empty(first["clusters"]![0]!["members"]!.AsArray());
        Assert.Empty((await AepClient.JsonAsync(unlinked))["clusters"]![0]!["members"]!.AsArray());
        Assert.Equal("""[{"namespace":"Email","id":"a"}]""", (await AepClient.JsonAsync(none))["clusters"]![0]!["members"]!.ToJsonString());
    }

    [Fact]
    public async Task Members_Post_EachForm_OneEntryPerIdentity_UnknownNamespaceUnprocessed()
    {
        // Arrange
        var sandbox = await StitchedSandbox();

        // Act
        using var xids = await _api.Send(HttpMethod.Post, ManyMembers, TestClients.OrgA, sandbox,
            new JsonObject { ["xids"] = new JsonArray(Email("a").Identity.Xid, Email("b").Identity.Xid, "WTCpVgAAAFq14FMF"), ["graph-type"] = "Private Graph" }.ToJsonString());
        using var composite = await _api.Send(HttpMethod.Post, ManyMembers, TestClients.OrgA, sandbox,
            """{"compositeXids":[{"nsid":7,"id":"p"},{"nsid":"6","id":"b"},{"nsid":999999,"id":"x"}],"compositeXidsWithNamespace":[{"namespace":"Email","id":"ignored"}]}""");
        using var withNamespace = await _api.Send(HttpMethod.Post, ManyMembers, TestClients.OrgA, sandbox,
            """{"compositeXidsWithNamespace":[{"namespace":"ecid","id":"2"},{"namespace":"NoSuchNs","id":"x"}]}""");

        // Assert
        await OpenApiContract.AssertMatchesAsync(xids);
        await OpenApiContract.AssertMatchesAsync(composite);
        await OpenApiContract.AssertMatchesAsync(withNamespace);
        var byXid = (await AepClient.JsonAsync(xids))["clusters"]!.AsArray();
        Assert.Equal(3, byXid.Count);
        Assert.Equal(3, byXid[0]!["members"]!.AsArray().Count);
        Assert.Equal(new[] { Ecid("2"), Email("b") }.Select(i => i.Identity.Xid), byXid[1]!["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Empty(byXid[2]!["members"]!.AsArray());
        var byNsid = await AepClient.JsonAsync(composite);
        Assert.Equal(2, byNsid["clusters"]!.AsArray().Count);
        Assert.Equal("""[{"nsid":4,"id":"1"},{"nsid":6,"id":"a"},{"nsid":7,"id":"p"}]""", byNsid["clusters"]![0]!["members"]!.ToJsonString());
        Assert.Equal("""[{"nsid":"999999","id":"x"}]""", byNsid["unprocessedRecords"]!.ToJsonString());
        var byNamespace = await AepClient.JsonAsync(withNamespace);
        Assert.Equal("""[{"namespace":"ECID","id":"2"},{"namespace":"Email","id":"b"}]""", byNamespace["clusters"]![0]!["members"]!.ToJsonString());
        Assert.Equal("""[{"namespace":"NoSuchNs","id":"x"}]""", byNamespace["unprocessedRecords"]!.ToJsonString());
    }

    [Theory]
    [InlineData("", "Either 'xid' or a namespace")]
    [InlineData("?xid=not%20an%20xid!", "The provided xid=not an xid! is invalid")]
    [InlineData("?namespace=NoSuchNs&id=a", "The provided namespace=NoSuchNs and id=a is invalid")]
    [InlineData("?nsid=abc&id=a", "The provided nsid=abc and id=a is invalid")]
    [InlineData("?namespace=Email", "The provided namespace=Email and id= is invalid")]
    [InlineData("?namespace=Email&id=a&graph-type=coop", "not provisioned for the coop device graph")]
    [InlineData("?namespace=Email&id=a&graph-type=social", "graph-type 'social' is not supported")]
    public async Task Members_Get_MalformedIdentity_400InTheClusterErrorForm(string query, string mentions)
    {
        // Act
        using var response = await _api.Get(Members + query, TestClients.OrgA, "prod");

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await AssertClusterError(response, mentions);
    }

    [Theory]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{}", "must contain 'xids' or 'compositeXids' or 'compositeXidsWithNamespace'")]
    [InlineData("""{"xids":[]}""", "'xids' must name at least one identity")]
    [InlineData("""{"xids":"abc"}""", "'xids' must be an array")]
    [InlineData("""{"xids":["abc"],"graph-type":"psr"}""", "not provisioned")]
    [InlineData("""{"xids":["abc"],"graph-type":7}""", "graph-type '7' is not supported")]
    public async Task Members_Post_MalformedBody_400(string body, string mentions)
    {
        // Act
        using var response = await _api.Send(HttpMethod.Post, ManyMembers, TestClients.OrgA, "prod", body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        await AssertClusterError(response, mentions);
    }

    [Theory]
    [InlineData(ManyMembers)]
    [InlineData(ManyHistory)]
    [InlineData(ManyMappings)]
    public async Task Post_MoreThan1000Identities_400_AndExactly1000Accepted(string path)
    {
        // Arrange
        var tooMany = new JsonObject { ["xids"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(i => (JsonNode?)JsonValue.Create($"X{i}"))]) }.ToJsonString();
        var limit = new JsonObject { ["xids"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode?)JsonValue.Create($"X{i}"))]) }.ToJsonString();

        // Act
        using var rejected = await _api.Send(HttpMethod.Post, path, TestClients.OrgA, "prod", tooMany);
        using var accepted = await _api.Send(HttpMethod.Post, path, TestClients.OrgA, "prod", limit);

        // Assert
        await AssertClusterError(rejected, "'xids' names 1001 identities; a request may name at most 1000");
        Assert.True(accepted.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{(int)accepted.StatusCode}");
    }

    [Fact]
    public async Task History_MergeAndEviction_EveryClusterAnIdentityWasIn_NewestFirst()
    {
        // Arrange: {Email b, ECID 2} merges into the graph of Email a (the merged graph keeps the smaller of the two
        // ids, so one side's identities change cluster); then 50 ECIDs join CRM c's graph one by one, so the oldest
        // cookie (ECID c0) is evicted by the cap of 50
        var sandbox = await StitchedSandbox();
        await LinkAsync(fixture, TestClients.OrgA, sandbox, Record(10, "ds3", "b4", Ecid("2"), Phone("p")));
        var crm = Enumerable.Range(0, 50).Select(i => Record(20 + i, "ds4", "b5", Crm("c"), Ecid($"c{i}"))).ToArray();
        var outcomes = await LinkAsync(fixture, TestClients.OrgA, sandbox, crm);

        // Act
        using var single = await _api.Get($"{History}?namespace=Email&id=b", TestClients.OrgA, sandbox);
        using var many = await _api.Send(HttpMethod.Post, ManyHistory, TestClients.OrgA, sandbox,
            new JsonObject { ["xids"] = new JsonArray(Ecid("c0").Identity.Xid, Email("a").Identity.Xid, Email("b").Identity.Xid, "!bad"), ["graph-type"] = "Private Graph" }.ToJsonString());
        using var evictedMembers = await _api.Get($"{Members}?namespace=ECID&id=c0", TestClients.OrgA, sandbox);
        using var none = await _api.Get($"{History}?namespace=Email&id=b&graph-type=None", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal([Ecid("c0").Identity], outcomes[^1].Evicted);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        var b = (await AepClient.JsonAsync(single))["xidsClusterHistory"]![0]!;
        Assert.Equal(Email("b").Identity.Xid, b["xid"]!.GetValue<string>());
        Assert.Equal("""{"namespace":"Email","id":"b"}""", b["compositeXid"]!.ToJsonString());

        var body = await AepClient.JsonAsync(many);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        var entries = body["xidsClusterHistory"]!.AsArray();
        Assert.Equal(3, entries.Count);
        var aClusters = Clusters(entries[1]!);
        var bClusters = Clusters(entries[2]!);
        Assert.Equal(aClusters[0].Id, bClusters[0].Id); // both are now in the merged graph
        Assert.True(Guid.TryParse(aClusters[0].Id, out _));
        Assert.Equal(3, aClusters.Count + bClusters.Count); // one side moved: its old cluster, then the merged one
        Assert.Equal(2, aClusters.Concat(bClusters).Select(c => c.Id).Distinct().Count());
        foreach (var moved in new[] { aClusters, bClusters }.Where(c => c.Count == 2))
        {
            Assert.True(moved[0].At >= moved[1].At, "newest first");
        }

        var evicted = entries[0]!;
        Assert.Equal(Ecid("c0").Identity.Xid, evicted["xid"]!.GetValue<string>());
        Assert.Null(evicted["compositeXid"]); // no stored identity has this XID any more
        Assert.Single(evicted["clusterHistory"]!.AsArray()); // but the evicted cookie keeps the cluster it was in
        Assert.Equal("""["!bad"]""", body["unprocessedXids"]!.ToJsonString());
        Assert.Empty(body["unprocessedNids"]!.AsArray());
        Assert.Empty((await AepClient.JsonAsync(evictedMembers))["clusters"]![0]!["members"]!.AsArray()); // in no graph now
        Assert.Empty((await AepClient.JsonAsync(none))["xidsClusterHistory"]![0]!["clusterHistory"]!.AsArray());
    }

    private static List<(string Id, long At)> Clusters(JsonNode entry) =>
        [.. entry["clusterHistory"]!.AsArray().Select(c => (c!["clusterId"]!.GetValue<string>(), long.Parse(c["cRecordedTS"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task History_Get_Malformed_400()
    {
        // Act
        using var missing = await _api.Get(History, TestClients.OrgA, "prod");
        using var unknown = await _api.Get($"{History}?nsId=123456&id=x", TestClients.OrgA, "prod");

        // Assert
        await AssertClusterError(missing, "Either 'xid' or a namespace");
        await AssertClusterError(unknown, "The provided nsid=123456 and id=x is invalid");
    }

    [Fact]
    public async Task Mapping_Get_SameNamespaceByDefault_TargetNs_204WhenNothingRelated()
    {
        // Arrange: Email a and Email a2 in one graph through ECID 1
        var sandbox = await StitchedSandbox();
        await LinkAsync(fixture, TestClients.OrgA, sandbox, Record(30, "ds1", "b9", Ecid("1"), Email("a2")));

        // Act
        using var sameNs = await _api.Get($"{Mapping}?namespace=Email&id=a", TestClients.OrgA, sandbox);
        using var toPhone = await _api.Get($"{Mapping}?nsId=6&id=a&targetNs=7", TestClients.OrgA, sandbox);
        using var toEcidByXid = await _api.Get($"{Mapping}?xid={Email("a").Identity.Xid}&targetNs=ECID", TestClients.OrgA, sandbox);
        using var nothing = await _api.Get($"{Mapping}?namespace=Email&id=b", TestClients.OrgA, sandbox);
        using var unlinked = await _api.Get($"{Mapping}?namespace=Email&id=nobody", TestClients.OrgA, sandbox);
        using var badTarget = await _api.Get($"{Mapping}?namespace=Email&id=a&targetNs=424242", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, sameNs.StatusCode);
        var same = await AepClient.JsonAsync(sameNs);
        Assert.Equal("""{"namespace":"Email","id":"a"}""", same["mappings"]![0]!["compositeXid"]!.ToJsonString());
        var mapped = same["mappings"]![0]!["mapping"]!.AsArray();
        Assert.Equal("""{"namespace":"Email","id":"a2"}""", Assert.Single(mapped)!["compositeXid"]!.ToJsonString());
        // a and a2 are linked only through ECID 1: the earlier of their last updates (a at minute 1)
        Assert.Equal(T0.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), mapped[0]!["lastAssociationTime"]!.GetValue<string>());
        var phone = (await AepClient.JsonAsync(toPhone))["mappings"]![0]!["mapping"]!.AsArray();
        Assert.Equal("""{"nsid":7,"id":"p"}""", Assert.Single(phone)!["compositeXid"]!.ToJsonString());
        var ecid = (await AepClient.JsonAsync(toEcidByXid))["mappings"]![0]!;
        Assert.Equal(Email("a").Identity.Xid, ecid["xid"]!.GetValue<string>());
        var direct = Assert.Single(ecid["mapping"]!.AsArray())!;
        Assert.Equal(Ecid("1").Identity.Xid, direct["xid"]!.GetValue<string>());
        Assert.Equal(T0.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), direct["lastAssociationTime"]!.GetValue<string>()); // the link's last time
        Assert.Equal(HttpStatusCode.NoContent, nothing.StatusCode);
        Assert.Empty(await nothing.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        await AssertClusterError(badTarget, "targetNs=424242 names no namespace");
    }

    [Fact]
    public async Task Mappings_Post_DocumentedBodies_TargetNsAndGraphTypeNone()
    {
        // Arrange
        var sandbox = await StitchedSandbox();

        // Act
        using var byXid = await _api.Send(HttpMethod.Post, ManyMappings, TestClients.OrgA, sandbox,
            new JsonObject { ["xids"] = new JsonArray(Email("a").Identity.Xid, Email("b").Identity.Xid), ["targetNs"] = "4", ["graph-type"] = "Private Graph" }.ToJsonString());
        using var byNsid = await _api.Send(HttpMethod.Post, ManyMappings, TestClients.OrgA, sandbox,
            """{"compositeXids":[{"nsid":6,"id":"a"},{"nsid":31337,"id":"x"}],"targetNs":"7"}""");
        using var none = await _api.Send(HttpMethod.Post, ManyMappings, TestClients.OrgA, sandbox,
            """{"compositeXids":[{"nsid":6,"id":"a"}],"targetNs":"7","graph-type":"None"}""");

        // Assert
        var xids = (await AepClient.JsonAsync(byXid))["mappings"]!.AsArray();
        Assert.Equal([Ecid("1").Identity.Xid], xids[0]!["mapping"]!.AsArray().Select(m => m!["xid"]!.GetValue<string>()));
        Assert.Equal([Ecid("2").Identity.Xid], xids[1]!["mapping"]!.AsArray().Select(m => m!["xid"]!.GetValue<string>()));
        var nsid = await AepClient.JsonAsync(byNsid);
        Assert.Equal("""[{"nsid":31337,"id":"x"}]""", nsid["unprocessedNids"]!.ToJsonString());
        Assert.Equal("""{"nsid":7,"id":"p"}""", nsid["mappings"]![0]!["mapping"]![0]!["compositeXid"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }

    [Fact]
    public async Task OtherSandboxAndOtherOrg_SeeNoneOfTheGraph()
    {
        // Arrange
        var sandbox = await StitchedSandbox();
        var other = await _api.NewSandbox(TestClients.OrgA);
        var query = $"?xid={Email("a").Identity.Xid}";

        // Act
        using var elsewhere = await _api.Get(Members + query, TestClients.OrgA, other);
        using var otherOrg = await _api.Get(Members + query, TestClients.OrgB, "prod");
        using var history = await _api.Get(History + query, TestClients.OrgB, "prod");
        using var mapping = await _api.Get($"{Mapping}?namespace=Email&id=a&targetNs=4", TestClients.OrgA, other);
        using var own = await _api.Get(Members + query, TestClients.OrgA, sandbox);

        // Assert
        Assert.Empty((await AepClient.JsonAsync(elsewhere))["clusters"]![0]!["members"]!.AsArray());
        Assert.Empty((await AepClient.JsonAsync(otherOrg))["clusters"]![0]!["members"]!.AsArray());
        var historyEntry = (await AepClient.JsonAsync(history))["xidsClusterHistory"]![0]!;
        Assert.Empty(historyEntry["clusterHistory"]!.AsArray());
        Assert.Null(historyEntry["compositeXid"]); // the XID names no identity there
        Assert.Equal(HttpStatusCode.NoContent, mapping.StatusCode);
        Assert.Equal(3, (await AepClient.JsonAsync(own))["clusters"]![0]!["members"]!.AsArray().Count);
    }

    /// <summary>The cluster API's <c>{"title","status","description"}</c> 400.</summary>
    private static async Task AssertClusterError(HttpResponseMessage response, string mentions)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {raw}");
        var body = (await AepClient.JsonAsync(response)).AsObject();
        Assert.Equal(["title", "status", "description"], body.Select(p => p.Key));
        Assert.Equal("InvalidInput", body["title"]!.GetValue<string>());
        Assert.Equal(400, body["status"]!.GetValue<int>());
        Assert.Contains(mentions, body["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class IdentityClusterApiTestsPostgres(PostgresPlatform fixture) : IdentityClusterApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IdentityClusterApiTestsSqlite(SqlitePlatform fixture) : IdentityClusterApiTests(fixture), IClassFixture<SqlitePlatform>;
