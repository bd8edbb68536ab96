using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Sandboxes;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;

namespace ProfilePlatform.Domain.Tests.Profile.Entities;

/// <summary>The entities service over the in-memory stores: the issue's scenario ingested with
/// <see cref="ProfileIngestion"/>, looked up, paged and deleted.</summary>
public sealed class ProfileEntityServiceTests
{
    private const string Org = "ORG@AdobeOrg";
    private const string EcidValue = "89149270342662559642753730269986316602";
    private static readonly TenantKey Tenant = new(Org, "acme-dev");
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CompositeIdentity Ecid = new("ECID", EcidValue);
    private static readonly CompositeIdentity Crm = new("CRMID", "60013ABC");
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly InMemoryProfileFragmentStore _fragments = new();
    private readonly InMemoryExperienceEventStore _events = new();
    private readonly IdentityGraphService _graph = new(new InMemoryIdentityGraphStore());
    private readonly MergePolicyService _policies;
    private readonly ProfileEntityService _sut;

    public ProfileEntityServiceTests()
    {
        var clock = new FakeTimeProvider();
        var sandboxes = new InMemorySandboxStore();
        sandboxes.Seed(Sandbox.Create(Org, "acme-dev", "Acme Dev", "development", "VA7", "by", clock.Now));
        _policies = new MergePolicyService(new InMemoryMergePolicyStore(), sandboxes, new InMemoryCatalogStores(), new FakeMergePolicyClasses(), clock);
        _sut = new ProfileEntityService(new FakeIdentityNamespaces(), _graph, _fragments, _events, new InMemoryEntityIdentityResolver(_fragments, _events), _policies);
    }

    [Fact]
    public async Task Get_ByEcid_DefaultPolicyOwnFragment_PdgStitched()
    {
        // Arrange
        await SeedAsync();
        var pdg = await PdgPolicyAsync();

        // Act
        var own = await _sut.GetAsync(Tenant, Query($"schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ecid"), Ct);
        var stitched = await _sut.GetAsync(Tenant, Query($"schema.name=_xdm.context.profile&entityId={Ecid.Xid}&mergePolicyId={pdg}&fields=person"), Ct);

        // Assert
        Assert.Equal("""{"name":{"firstName":"Annie"}}""", own[Ecid.Xid]!["entity"]!["person"]!.ToJsonString());
        Assert.Equal("""{"person":{"name":{"firstName":"Annie","lastName":"Lee"}}}""", stitched[Ecid.Xid]!["entity"]!.ToJsonString());
        Assert.Equal(["dsWeb", "dsCrm"], stitched[Ecid.Xid]!["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Get_UnknownIdentity404_UnknownXid422_UnknownNamespace400_UnknownPolicy404()
    {
        // Arrange
        await SeedAsync();

        // Act
        var identity = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(Tenant, Query("schema.name=_xdm.context.profile&entityId=x@y.z&entityIdNS=Email"), Ct));
        var xid = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(Tenant, Query("schema.name=_xdm.context.profile&entityId=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Ct));
        var ns = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(Tenant, Query("schema.name=_xdm.context.profile&entityId=1&entityIdNS=Loyalty"), Ct));
        var policy = await Assert.ThrowsAsync<AepException>(() => _sut.GetAsync(Tenant, Query($"schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID&mergePolicyId=nope"), Ct));

        // Assert
        Assert.Same(ErrorCatalog.Profile.EntityNotFound, identity.Error);
        Assert.Same(ErrorCatalog.Profile.IdentitiesNotRetrievable, xid.Error);
        Assert.Same(ErrorCatalog.Profile.UnknownIdentityNamespace, ns.Error);
        Assert.Contains("'entityIdNS' value 'Loyalty'", ns.Message, StringComparison.Ordinal);
        Assert.Same(ErrorCatalog.Profile.MergePolicyNotFound, policy.Error);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Events_FollowingNextTokens_EveryEventOnceInOrder(bool descending)
    {
        // Arrange: 7 events on the ECID, 2 of them at the same millisecond, and 1 on the CRMID
        await SeedAsync();
        var pdg = await PdgPolicyAsync();
        var at = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var records = Enumerable.Range(0, 7).Select(i => Event($"e{i}", at.AddSeconds(i == 6 ? 5 : i), Ecid))
            .Append(Event("crm", at.AddSeconds(2.5), Crm)).ToArray();
        await IngestAsync("dsEvents", ProfileDataKind.ExperienceEvent, T0.AddHours(3), records);
        var expected = new List<string> { "e0", "e1", "e2", "crm", "e3", "e4", "e5", "e6" };
        if (descending)
        {
            expected.Reverse();
        }

        // Act
        var seen = new List<string>();
        var path = $"schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId={EcidValue}&relatedEntityIdNS=ECID&limit=3&mergePolicyId={pdg}&orderby={(descending ? "-" : "+")}timestamp";
        for (var i = 0; i < 10 && path.Length > 0; i++)
        {
            var page = await _sut.GetAsync(Tenant, Query(path), Ct);
            seen.AddRange(page["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
            var href = page["_links"]!["next"]!["href"]!.GetValue<string>();
            path = href.Length == 0 ? "" : href["/entities?".Length..];
        }

        // Assert
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Delete_UnderPdg_RemovesEveryGraphMembersFragments_UnderNoneOnlyTheIdentitys()
    {
        // Arrange
        await SeedAsync();
        var pdg = await PdgPolicyAsync();

        // Act
        await _sut.DeleteAsync(Tenant, EntityDeleteQuery.Parse(Pairs($"schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID")), Ct);
        var afterNone = _fragments.All.Select(f => f.DatasetId).ToList();
        await _sut.DeleteAsync(Tenant, EntityDeleteQuery.Parse(Pairs($"schema.name=_xdm.context.profile&entityId={Crm.Xid}&mergePolicyId={pdg}")), Ct);
        var again = await Assert.ThrowsAsync<AepException>(() => _sut.DeleteAsync(Tenant, EntityDeleteQuery.Parse(Pairs($"schema.name=_xdm.context.profile&entityId={Crm.Xid}&mergePolicyId={pdg}")), Ct));

        // Assert
        Assert.Equal(["dsCrm"], afterNone);
        Assert.Empty(_fragments.All);
        Assert.Same(ErrorCatalog.Profile.EntityNotFound, again.Error);
        Assert.NotNull(await _graph.FindGraphAsync(Ecid, Ct)); // the identity graph is Identity Service's, kept
    }

    [Fact]
    public async Task Bulk_Profiles_OneKeyPerIdentity_EmptyShapeForUnknown()
    {
        // Arrange
        await SeedAsync();
        var body = JsonNode.Parse($$$"""{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"{{{EcidValue}}}","entityIdNS":{"code":"ECID"}},{"entityId":"{{{Ecid.Xid}}}"},{"entityId":"ZZZZ"}]}""");

        // Act
        var answer = await _sut.BulkAsync(Tenant, EntityBulkRequest.Parse(body), Ct);

        // Assert
        Assert.Equal([Ecid.Xid, "ZZZZ"], answer.Select(p => p.Key));
        Assert.Equal("""{"entityId":"ZZZZ","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}""", answer["ZZZZ"]!.ToJsonString());
    }

    private async Task SeedAsync()
    {
        await IngestAsync("dsCrm", ProfileDataKind.Record, T0,
            """{"identityMap":{"CRMID":[{"id":"60013ABC","primary":true}],"Email":[{"id":"ann@acme.com"}]},"person":{"name":{"firstName":"Ann","lastName":"Lee"}}}""");
        await IngestAsync("dsWeb", ProfileDataKind.Record, T0.AddHours(1),
            $$$$"""{"identityMap":{"ECID":[{"id":"{{{{EcidValue}}}}","primary":true}],"CRMID":[{"id":"60013ABC"}]},"person":{"name":{"firstName":"Annie"}}}""");
    }

    private async Task IngestAsync(string dataset, ProfileDataKind kind, DateTimeOffset at, params string[] records)
    {
        var ingestion = new ProfileIngestion(new FakeIdentityNamespaces(), _graph, _fragments, _events);
        var result = await ingestion.IngestAsync(new ProfileIngestionTarget(dataset, "b-" + dataset, kind, true, true, [], at), [.. records.Select(r => JsonDocument.Parse(r).RootElement.Clone())], Ct);
        Assert.Empty(result.WithErrors);
    }

    private async Task<string> PdgPolicyAsync() =>
        (await _policies.CreateAsync(Tenant, JsonNode.Parse("""{"name":"stitch","schema":{"name":"_xdm.context.profile"},"identityGraph":{"type":"pdg"},"attributeMerge":{"type":"timestampOrdered"}}"""), Ct))["id"]!.GetValue<string>();

    private static string Event(string id, DateTimeOffset at, CompositeIdentity primary) =>
        $$$"""{"_id":"{{{id}}}","timestamp":"{{{at:yyyy-MM-ddTHH:mm:ss.fffZ}}}","identityMap":{"{{{primary.Namespace}}}":[{"id":"{{{primary.Value}}}","primary":true}]}}""";

    private static EntityQuery Query(string query) => EntityQuery.Parse(Pairs(query));

    private static List<KeyValuePair<string, string>> Pairs(string query) =>
        [.. query.Split('&').Select(p => p.Split('=', 2)).Select(kv => KeyValuePair.Create(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv[1])))];
}
