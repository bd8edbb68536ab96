using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Contracts;
using ProfilePlatform.Api.Tests.Features.MergePolicies;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Tenancy;
using static ProfilePlatform.Api.Tests.Features.Entities.EntitiesScenario;

namespace ProfilePlatform.Api.Tests.Features.Entities;

/// <summary>The entities API through HTTP (profile.yaml <c>/ups/access/entities</c>, help/profile/api/entities.md) on
/// the issue's stitching scenario (<see cref="EntitiesScenario"/>): profiles under each kind of merge policy, events
/// with paging, bulk lookups, deletion, isolation and refused input.</summary>
/// <remarks>Contract checks: profile.yaml's <c>GetEntityResponse</c> is a map of <c>Entity</c> objects, which the
/// events page (<c>_page</c>, <c>children</c>, <c>_links</c>) also satisfies because <c>Entity</c> declares no type;
/// the spec's <c>schema.name</c> enum omits <c>_xdm.context.experienceevent</c> ("retrieving ExperienceEvents is now
/// deprecated") while the docs still document it, and the contract check does not validate query parameters.</remarks>
public abstract class EntitiesApiTests(PlatformFixture fixture)
{
    private readonly MergePolicyApi _api = new(fixture);

    private AepClient Client => _api.Client;

    [Fact]
    public async Task GetProfile_ByEcid_UnderEachPolicy_GivesTheDocumentedStitchingResult()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var pdg = await Policy(s, "pdg", "timestampOrdered");
        var crmFirst = await Policy(s, "pdg", "dataSetPrecedence", s.CrmDataset, s.WebDataset);
        var crmOnly = await Policy(s, "none", "dataSetPrecedence", s.CrmDataset);
        var query = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";

        // Act
        using var byDefault = await Client.GetAsync(query, TestClients.OrgA, s.Sandbox);
        using var stitched = await Client.GetAsync(query + "&mergePolicyId=" + pdg, TestClients.OrgA, s.Sandbox);
        using var precedence = await Client.GetAsync(query + "&mergePolicyId=" + crmFirst, TestClients.OrgA, s.Sandbox);
        using var excluded = await Client.GetAsync(query + "&mergePolicyId=" + crmOnly, TestClients.OrgA, s.Sandbox);

        // Assert: the default policy (none, timestampOrdered) sees only the ECID's own fragment
        await OpenApiContract.AssertMatchesAsync(byDefault);
        var own = (await ObjectAsync(byDefault))[Ecid.Xid]!.AsObject();
        Assert.Equal(["entityId", "sources", "tags", "identityGraph", "mergePolicy", "entity", "lastModifiedAt"], own.Select(p => p.Key));
        Assert.Equal(Ecid.Xid, own["entityId"]!.GetValue<string>());
        Assert.Equal($"""["{s.WebDataset}"]""", own["sources"]!.ToJsonString());
        Assert.Equal("""["batch-web"]""", own["tags"]!.ToJsonString());
        Assert.Equal($"""["{Ecid.Xid}"]""", own["identityGraph"]!.ToJsonString());
        Assert.Equal("""{"firstName":"Annie"}""", own["entity"]!["person"]!["name"]!.ToJsonString());
        Assert.Equal("2025-01-01T10:00:00Z", own["lastModifiedAt"]!.GetValue<string>());
        var defaultPolicy = (await _api.List(TestClients.OrgA, s.Sandbox, "?default=true"))["children"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(defaultPolicy, own["mergePolicy"]!["id"]!.GetValue<string>());

        // pdg + timestampOrdered: the newer web record wins firstName, the CRM record fills lastName
        await OpenApiContract.AssertMatchesAsync(stitched);
        var merged = (await ObjectAsync(stitched))[Ecid.Xid]!.AsObject();
        Assert.Equal("""{"firstName":"Annie","lastName":"Lee"}""", merged["entity"]!["person"]!["name"]!.ToJsonString());
        Assert.Equal($"""["{s.WebDataset}","{s.CrmDataset}"]""", merged["sources"]!.ToJsonString());
        Assert.Equal(pdg, merged["mergePolicy"]!["id"]!.GetValue<string>());
        Assert.Equal(new[] { Crm.Xid, Ecid.Xid, Email.Xid }.Order(StringComparer.Ordinal), merged["identityGraph"]!.AsArray().Select(x => x!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(
            $$$"""[{"id":"{{{EcidValue}}}","namespace":{"code":"ecid"},"primary":true},{"id":"60013ABC","namespace":{"code":"crmid"}},{"id":"ann@acme.com","namespace":{"code":"email"}}]""",
            merged["entity"]!["identities"]!.ToJsonString());

        // pdg + dataSetPrecedence [crm, web]: the CRM dataset wins firstName
        var ranked = (await ObjectAsync(precedence))[Ecid.Xid]!;
        Assert.Equal("""{"firstName":"Ann","lastName":"Lee"}""", ranked["entity"]!["person"]!["name"]!.ToJsonString());
        Assert.Equal($"""["{s.CrmDataset}","{s.WebDataset}"]""", ranked["sources"]!.ToJsonString());
        Assert.Equal("gold", ranked["entity"]!["loyalty"]!["tier"]!.GetValue<string>());

        // none + dataSetPrecedence [crm]: the ECID's own fragment is in an unlisted dataset, so there is no profile
        await AssertError(excluded, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        await OpenApiContract.AssertMatchesAsync(excluded);
    }

    [Fact]
    public async Task GetProfile_DefaultPolicyChangedWhileThisNodeCachedTheOld_TheNextLookupUsesTheNewDefault()
    {
        // Arrange: lookups provision and then cache the sandbox's policies (default: none); another node then makes a
        // pdg policy the default — played here by putting this node's stale entry back after the change went through
        // the API
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var query = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";
        using var provisioning = await Client.GetAsync(query, TestClients.OrgA, s.Sandbox);
        using var before = await Client.GetAsync(query, TestClients.OrgA, s.Sandbox);
        var cache = fixture.Factory.Services.GetRequiredService<MergePolicyCache>();
        var tenant = new TenantKey(TestClients.OrgA.ImsOrg, s.Sandbox);
        var stale = cache.Find(tenant);
        var pdg = (await _api.NewPolicy(TestClients.OrgA, s.Sandbox, MergePolicyApi.Body(name: "new default", identityGraph: "pdg", isDefault: true)))["id"]!.GetValue<string>();
        cache.Put(tenant, stale!);

        // Act
        using var after = await Client.GetAsync(query, TestClients.OrgA, s.Sandbox);
        using var again = await Client.GetAsync(query, TestClients.OrgA, s.Sandbox);

        // Assert: the stale entry was used once, seen to be stale, and replaced; both answers stitch under the new default
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal($"""["{s.WebDataset}"]""", (await ObjectAsync(before))[Ecid.Xid]!["sources"]!.ToJsonString());
        Assert.NotNull(stale);
        foreach (var response in new[] { after, again })
        {
            var profile = (await ObjectAsync(response))[Ecid.Xid]!;
            Assert.Equal(pdg, profile["mergePolicy"]!["id"]!.GetValue<string>());
            Assert.Equal($"""["{s.WebDataset}","{s.CrmDataset}"]""", profile["sources"]!.ToJsonString());
            Assert.Equal("""{"firstName":"Annie","lastName":"Lee"}""", profile["entity"]!["person"]!["name"]!.ToJsonString());
        }

        Assert.NotEqual(stale!.Version, cache.Find(tenant)?.Version);
        Assert.Contains(cache.Find(tenant)!.Policies, p => p.Id == pdg && p.Default);
    }

    [Fact]
    public async Task GetProfile_ByXid_EqualsByNamespace_AndFieldsProjectTheEntity()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var pdg = await Policy(s, "pdg", "timestampOrdered");

        // Act
        using var byNs = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Uri.EscapeDataString(EmailValue)}&entityIdNS=email&mergePolicyId={pdg}", TestClients.OrgA, s.Sandbox);
        using var byXid = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Email.Xid}&mergePolicyId={pdg}", TestClients.OrgA, s.Sandbox);
        using var projected = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Email.Xid}&mergePolicyId={pdg}&fields=person.name.lastName,loyalty,nothing.here", TestClients.OrgA, s.Sandbox);

        // Assert
        var a = (await ObjectAsync(byNs))[Email.Xid]!;
        var b = (await ObjectAsync(byXid))[Email.Xid]!;
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
        Assert.Equal("Annie", a["entity"]!["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("""{"person":{"name":{"lastName":"Lee"}},"loyalty":{"tier":"gold"}}""", (await ObjectAsync(projected))[Email.Xid]!["entity"]!.ToJsonString());
    }

    [Fact]
    public async Task GetProfile_SecondaryIdentityWithoutStitching_404_UnknownXid_422WithTheDocumentedCode()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var unknownXid = new Domain.Identity.CompositeIdentity("Email", "nobody@acme.com").Xid;

        // Act
        using var secondary = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Uri.EscapeDataString(EmailValue)}&entityIdNS=Email", TestClients.OrgA, s.Sandbox);
        using var xid = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={unknownXid}", TestClients.OrgA, s.Sandbox);

        // Assert: under the default (none) policy only primary identities find a profile
        await AssertError(secondary, HttpStatusCode.NotFound, "UPS-1012-404", EmailValue);
        await AssertError(xid, HttpStatusCode.UnprocessableEntity, "UPS-MRG-1000001", $"Identities cannot be retrieved for XID - \"{unknownXid}\"");
        await OpenApiContract.AssertMatchesAsync(xid);
    }

    [Fact]
    public async Task GetEvents_PagesWithNextLinks_InBothOrders_StitchedUnderPdgOnly()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA);
        var pdg = await Policy(s, "pdg", "timestampOrdered");
        var query = $"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId={EcidValue}&relatedEntityIdNS=ECID&fields=web,channel&limit=2";

        // Act
        var ascending = await Pages(s, query);
        var descending = await Pages(s, query + "&orderby=-timestamp");
        var stitched = await Pages(s, query + "&mergePolicyId=" + pdg);

        // Assert
        Assert.Equal(["view-0", "view-1", "view-2", "view-3", "view-4"], ascending.Ids);
        Assert.Equal(["view-4", "view-3", "view-2", "view-1", "view-0"], descending.Ids);
        Assert.Equal(["view-0", "call-1", "view-1", "view-2", "view-3", "view-4"], stitched.Ids);
        Assert.Equal([2, 2, 1], ascending.Pages.Select(p => p["_page"]!["count"]!.GetValue<int>()));
        var first = ascending.Pages[0];
        Assert.Equal(["_page", "children", "_links"], first.Select(p => p.Key));
        Assert.Equal(["orderby", "start", "count", "next"], first["_page"]!.AsObject().Select(p => p.Key));
        Assert.Equal("timestamp", first["_page"]!["orderby"]!.GetValue<string>());
        Assert.Equal("view-0", first["_page"]!["start"]!.GetValue<string>());
        var href = first["_links"]!["next"]!["href"]!.GetValue<string>();
        Assert.StartsWith("/entities?start=" + first["_page"]!["next"]!.GetValue<string>() + "&orderby=timestamp&schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=", href, StringComparison.Ordinal);
        Assert.EndsWith("&fields=web,channel&limit=2", href, StringComparison.Ordinal);
        Assert.Equal("""{"_page":{"orderby":"timestamp","start":"view-4","count":1,"next":""}}""", new JsonObject { ["_page"] = ascending.Pages[2]["_page"]!.DeepClone() }.ToJsonString());
        Assert.Equal("""{"next":{"href":""}}""", ascending.Pages[2]["_links"]!.ToJsonString());
        var child = first["children"]![0]!.AsObject();
        Assert.Equal(["relatedEntityId", "entityId", "timestamp", "entity", "lastModifiedAt"], child.Select(p => p.Key));
        Assert.Equal(Ecid.Xid, child["relatedEntityId"]!.GetValue<string>());
        Assert.Equal(E0.ToUnixTimeMilliseconds(), child["timestamp"]!.GetValue<long>());
        Assert.Equal("""{"web":{"webPageDetails":{"name":"page 0","pageViews":{"value":1}}},"channel":{"_type":"web"}}""", child["entity"]!.ToJsonString());
        Assert.Equal("2025-01-01T11:00:00Z", child["lastModifiedAt"]!.GetValue<string>());
        Assert.Equal("-timestamp", descending.Pages[0]["_page"]!["orderby"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetEvents_PropertyFilters_AppliedAcrossPages()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA);
        var pdg = await Policy(s, "pdg", "timestampOrdered");
        var query = $"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId={Ecid.Xid}&mergePolicyId={pdg}&limit=1";

        // Act
        var notWeb = await Pages(s, query + "&property=" + Uri.EscapeDataString("channel._type!=\"web\""));
        var named = await Pages(s, query + "&property=" + Uri.EscapeDataString("web.webPageDetails.name>=\"page 3\"") + "&property=" + Uri.EscapeDataString("web.webPageDetails.pageViews.value=1"));
        var onTheDay = await Pages(s, query.Replace("&limit=1", "&limit=10", StringComparison.Ordinal) + "&property=" + Uri.EscapeDataString("timestamp=\"2025-02-01\""));

        // Assert
        Assert.Equal(["call-1"], notWeb.Ids);
        Assert.Equal(["view-3", "view-4"], named.Ids);
        Assert.Equal(2, named.Pages.Count(p => p["children"]!.AsArray().Count == 1));
        Assert.Equal(6, onTheDay.Ids.Count);
    }

    [Fact]
    public async Task GetEvents_TimeWindow_StartIncludedEndExcluded_EmptyWindowIs200_UnknownProfileIs404()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA);
        var start = E0.AddMinutes(1).ToUnixTimeMilliseconds();
        var end = E0.AddMinutes(3).ToUnixTimeMilliseconds();
        var query = $"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile";

        // Act
        using var window = await Client.GetAsync($"{query}&relatedEntityId={Ecid.Xid}&startTime={start}&endTime={end}", TestClients.OrgA, s.Sandbox);
        using var empty = await Client.GetAsync($"{query}&relatedEntityId={Ecid.Xid}&startTime=1&endTime=2", TestClients.OrgA, s.Sandbox);
        using var unknown = await Client.GetAsync($"{query}&entityId=99999999999999999999999999999999999999&entityIdNS=ECID", TestClients.OrgA, s.Sandbox);

        // Assert
        await OpenApiContract.AssertMatchesAsync(window);
        Assert.Equal(["view-1", "view-2"], (await ObjectAsync(window))["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
        var none = await ObjectAsync(empty);
        Assert.Equal("""{"_page":{"orderby":"timestamp","start":"","count":0,"next":""},"children":[],"_links":{"next":{"href":""}}}""", none.ToJsonString());
        await AssertError(unknown, HttpStatusCode.NotFound, "UPS-1012-404", "99999999999999999999999999999999999999");
    }

    [Fact]
    public async Task PostProfiles_KeyedByXid_UnknownIdentitiesGetTheDocumentedEmptyShape()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var pdg = await Policy(s, "pdg", "timestampOrdered");
        var unknownXid = new Domain.Identity.CompositeIdentity("ECID", "1").Xid;
        var body = $$$"""
            {"schema":{"name":"_xdm.context.profile"},"fields":["person.name"],"mergePolicyId":"{{{pdg}}}",
             "identities":[{"entityId":"{{{EcidValue}}}","entityIdNS":{"code":"ECID"}},{"entityId":"nobody@acme.com","entityIdNS":{"code":"Email"}},{"entityId":"{{{Crm.Xid}}}"},{"entityId":"{{{unknownXid}}}"}],
             "timeFilter":{"startTime":1539838505000,"endTime":1539838510000},"limit":10,"orderby":"-timestamp","withCA":true}
            """;

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, s.Sandbox, body);

        // Assert
        await OpenApiContract.AssertMatchesAsync(response);
        var answer = await ObjectAsync(response);
        var nobody = new Domain.Identity.CompositeIdentity("Email", "nobody@acme.com").Xid;
        Assert.Equal([Ecid.Xid, nobody, Crm.Xid, unknownXid], answer.Select(p => p.Key));
        Assert.Equal("""{"person":{"name":{"firstName":"Annie","lastName":"Lee"}}}""", answer[Ecid.Xid]!["entity"]!.ToJsonString());
        Assert.Equal(answer[Ecid.Xid]!["entity"]!.ToJsonString(), answer[Crm.Xid]!["entity"]!.ToJsonString());
        Assert.Equal($$"""{"entityId":"{{nobody}}","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}""", answer[nobody]!.ToJsonString());
        Assert.Equal($$"""{"entityId":"{{unknownXid}}","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}""", answer[unknownXid]!.ToJsonString());
    }

    [Fact]
    public async Task PostEvents_NextPayloadFetchesTheRest()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA);
        var body = $$$"""
            {"schema":{"name":"_xdm.context.experienceevent"},"relatedSchema":{"name":"_xdm.context.profile"},
             "identities":[{"relatedEntityId":"{{{Ecid.Xid}}}"},{"relatedEntityId":"{{{EcidValue}}}","relatedEntityIdNS":{"code":"ECID"}}],
             "fields":["web.webPageDetails.name"],"limit":3}
            """;

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, s.Sandbox, body);
        var first = await ObjectAsync(response);
        var link = first[Ecid.Xid]!["_links"]!["next"]!;
        using var second = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, s.Sandbox, link["payload"]!.ToJsonString());
        var rest = await ObjectAsync(second);

        // Assert: both entries name the same identity, so one key
        await OpenApiContract.AssertMatchesAsync(response);
        Assert.Equal([Ecid.Xid], first.Select(p => p.Key));
        Assert.Equal("/entities", link["href"]!.GetValue<string>());
        Assert.Equal(["view-0", "view-1", "view-2"], first[Ecid.Xid]!["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
        Assert.Equal("""{"web":{"webPageDetails":{"name":"page 0"}}}""", first[Ecid.Xid]!["children"]![0]!["entity"]!.ToJsonString());
        Assert.Equal(["view-3", "view-4"], rest[Ecid.Xid]!["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
        Assert.Equal("""{"next":{"href":""}}""", rest[Ecid.Xid]!["_links"]!.ToJsonString());
    }

    [Fact]
    public async Task Delete_RemovesTheIdentitysFragmentAndEvents_OtherProfilesKept_ThenGetIs404()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA);
        var events = $"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId={Crm.Xid}";

        // Act
        using var deleted = await Client.SendAsync(HttpMethod.Delete, $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID", TestClients.OrgA, s.Sandbox);
        using var again = await Client.SendAsync(HttpMethod.Delete, $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID", TestClients.OrgA, s.Sandbox);
        using var gone = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID", TestClients.OrgA, s.Sandbox);
        using var crm = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={CrmValue}&entityIdNS=CRMID", TestClients.OrgA, s.Sandbox);
        using var crmEvents = await Client.GetAsync(events, TestClients.OrgA, s.Sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(string.Empty, await deleted.Content.ReadAsStringAsync());
        await OpenApiContract.AssertMatchesAsync(deleted);
        await AssertError(again, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        await AssertError(gone, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        Assert.Equal("""{"firstName":"Ann","lastName":"Lee"}""", (await ObjectAsync(crm))[Crm.Xid]!["entity"]!["person"]!["name"]!.ToJsonString());
        Assert.Equal(["call-1"], (await ObjectAsync(crmEvents))["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OtherOrganizationAndOtherSandbox_SeeAndDeleteNothing()
    {
        // Arrange
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var otherSandbox = await _api.NewSandbox(TestClients.OrgA);
        var path = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";

        // Act
        using var otherOrg = await Client.GetAsync(path, TestClients.OrgB, s.Sandbox);
        using var sandbox = await Client.GetAsync(path, TestClients.OrgA, otherSandbox);
        using var byXid = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Ecid.Xid}", TestClients.OrgA, otherSandbox);
        using var delete = await Client.SendAsync(HttpMethod.Delete, path, TestClients.OrgA, otherSandbox);
        using var still = await Client.GetAsync(path, TestClients.OrgA, s.Sandbox);

        // Assert: org B has no such sandbox at all; the other sandbox has no profile and no XID
        Assert.True(otherOrg.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{(int)otherOrg.StatusCode}");
        Assert.DoesNotContain(Ecid.Xid, await otherOrg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertError(sandbox, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        await AssertError(byXid, HttpStatusCode.UnprocessableEntity, "UPS-MRG-1000001", Ecid.Xid);
        await AssertError(delete, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task AdobeCollectionStyle_EveryParameterSentMostlyEmpty_IsServed()
    {
        // Arrange: Adobe's Postman collection sends all of the GET's parameters, unset ones empty
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var path = $"{Base}?schema.name=_xdm.context.profile&relatedSchema.name=&entityId={EcidValue}&entityIdNS=ECID&relatedEntityId=&relatedEntityIdNS=&fields=&mergePolicyId=&startTime=&endTime=&limit=&orderby=&property=&withCA=";

        // Act
        using var response = await Client.GetAsync(path, TestClients.OrgA, s.Sandbox);

        // Assert
        Assert.Equal("Annie", (await ObjectAsync(response))[Ecid.Xid]!["entity"]!["person"]!["name"]!["firstName"]!.GetValue<string>());
    }

    public static TheoryData<string, int, string, string> BadQueries => new()
    {
        { "", 400, "UPS-1010-400", "'schema.name' is required" },
        { "schema.name=_xdm.context.account&entityId=x&entityIdNS=ECID", 400, "UPS-1010-400", "_xdm.context.account" },
        { "schema.name=_xdm.context.profile", 400, "UPS-1010-400", "'entityId' is required" },
        { "schema.name=_xdm.context.profile&entityId=jane@example.com", 400, "UPS-1010-400", "is not an XID" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=NoSuchNs", 400, "UPS-1011-400", "NoSuchNs" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=%20", 400, "UPS-1010-400", "'entityIdNS' is blank" },
        { "schema.name=_xdm.context.profile&entityId=a&entityId=b&entityIdNS=ECID", 400, "UPS-1010-400", "'entityId' is given more than once" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=ECID&mergePolicyId=no-such-policy", 404, "UPS-1008-404", "no-such-policy" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=ECID&fields=person..name", 400, "UPS-1010-400", "person..name" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=ECID&withCA=maybe", 400, "UPS-1010-400", "'withCA'" },
        { "schema.name=_xdm.context.experienceevent&relatedEntityId=x&relatedEntityIdNS=ECID", 400, "UPS-1010-400", "'relatedSchema.name' is required" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&limit=0", 400, "UPS-1010-400", "'limit'" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&limit=ten", 400, "UPS-1010-400", "'limit'" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&startTime=-5", 400, "UPS-1010-400", "'startTime'" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&startTime=20&endTime=10", 400, "UPS-1010-400", "'startTime' (20) must be before 'endTime' (10)" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&orderby=name", 400, "UPS-1010-400", "'orderby'" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&start=not-a-token", 400, "UPS-1010-400", "'start'" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&property=web.x", 400, "UPS-1010-400", "'property' value 'web.x' is not a property filter" },
        { "schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=x&relatedEntityIdNS=ECID&property=a%3D1&property=b%3D1&property=c%3D1&property=d%3D1", 400, "UPS-1010-400", "at most 3 property filters" },
        { "schema.name=_xdm.context.profile&entityId=x&entityIdNS=ECID&property=a%3D1", 400, "UPS-1010-400", "'property' filters experience events only" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Get_MalformedQuery_ProfileError(string query, int status, string code, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await Client.GetAsync($"{Base}?{query}", TestClients.OrgA, sandbox);

        // Assert
        await AssertError(response, (HttpStatusCode)status, code, mentions);
        await OpenApiContract.AssertMatchesAsync(response);
    }

    [Fact]
    public async Task Get_HostileValues_RefusedOrNotFound_NeverAServerError()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var longValue = new string('x', 5000);

        // Act
        using var tooLong = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={longValue}&entityIdNS=Email", TestClients.OrgA, sandbox);
        using var quote = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Uri.EscapeDataString("'; DROP TABLE profile_fragments; --")}&entityIdNS=Email", TestClients.OrgA, sandbox);
        using var unicode = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Uri.EscapeDataString("é\u0000😀")}&entityIdNS=Email", TestClients.OrgA, sandbox);
        using var hugeTime = await Client.GetAsync($"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&entityId=a&entityIdNS=Email&endTime=99999999999999999999", TestClients.OrgA, sandbox);

        // Assert
        await AssertError(tooLong, HttpStatusCode.BadRequest, "UPS-1010-400", "1 to 1024 characters");
        await AssertError(quote, HttpStatusCode.NotFound, "UPS-1012-404", "DROP TABLE");
        Assert.Equal(HttpStatusCode.NotFound, unicode.StatusCode);
        await AssertError(hugeTime, HttpStatusCode.BadRequest, "UPS-1010-400", "'endTime'");
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "[1,2]", "must be a JSON object" },
        { """{"identities":[{"entityId":"x","entityIdNS":{"code":"ECID"}}]}""", "'schema.name' is required" },
        { """{"schema":{"name":"_xdm.context.profile"}}""", "'identities' must be an array" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[]}""", "'identities' must be an array" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":["x"]}""", "'identities[0]' must be an object" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"x","entityIdNS":5}]}""", "'identities[0].entityIdNS'" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"a b"}]}""", "'identities[0].entityId' value 'a b' is not an XID" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"x","entityIdNS":{"code":"ECID"}}],"limit":-1}""", "'limit'" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"x","entityIdNS":{"code":"ECID"}}],"timeFilter":{"startTime":"yesterday"}}""", "'timeFilter.startTime'" },
        { """{"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"x","entityIdNS":{"code":"ECID"}}],"fields":[1]}""", "'fields[0]'" },
        { """{"schema":{"name":"_xdm.context.profile"},"schema":{"name":"_xdm.context.profile"},"identities":[{"entityId":"x","entityIdNS":{"code":"ECID"}}]}""", "'schema' twice" },
        { """{"schema":{"name":"_xdm.context.experienceevent"},"identities":[{"relatedEntityId":"x"}]}""", "'relatedSchema.name' must be _xdm.context.profile" },
        { """{"schema":{"name":"_xdm.context.experienceevent"},"relatedSchema":{"name":"_xdm.context.profile"},"identities":[{"relatedEntityId":"x","start":"bogus"}]}""", "'identities[0].start'" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_MalformedBody_ProfileError(string body, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, body);

        // Assert
        await AssertError(response, HttpStatusCode.BadRequest, "UPS-1010-400", mentions);
        await OpenApiContract.AssertMatchesAsync(response);
    }

    [Fact]
    public async Task Post_TooManyIdentities_And_NotJson_AreRefused()
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);
        var many = new StringBuilder("""{"schema":{"name":"_xdm.context.profile"},"identities":[""");
        many.AppendJoin(',', Enumerable.Range(0, 101).Select(i => $$$"""{"entityId":"id{{{i}}}","entityIdNS":{"code":"ECID"}}"""));
        many.Append("]}");

        // Act
        using var tooMany = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, many.ToString());
        using var notJson = await _api.Send(HttpMethod.Post, Base, TestClients.OrgA, sandbox, "{not json");

        // Assert
        await AssertError(tooMany, HttpStatusCode.BadRequest, "UPS-1010-400", "1 to 100 identities");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("400", (await AepClient.JsonAsync(notJson))["statusCode"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("entityId=x&entityIdNS=ECID", "'schema.name' is required")]
    [InlineData("schema.name=_xdm.context.experienceevent&entityId=x&entityIdNS=ECID", "only _xdm.context.profile")]
    [InlineData("schema.name=_xdm.context.profile&entityIdNS=ECID", "'entityId' is required")]
    public async Task Delete_MalformedQuery_ProfileError(string query, string mentions)
    {
        // Arrange
        var sandbox = await _api.NewSandbox(TestClients.OrgA);

        // Act
        using var response = await Client.SendAsync(HttpMethod.Delete, $"{Base}?{query}", TestClients.OrgA, sandbox);

        // Assert
        await AssertError(response, HttpStatusCode.BadRequest, "UPS-1010-400", mentions);
    }

    private async Task<string> Policy(EntitiesScenario s, string graph, string merge, params string[] order) =>
        (await _api.NewPolicy(TestClients.OrgA, s.Sandbox, MergePolicyApi.Body(name: graph + merge + order.Length, identityGraph: graph, attributeMerge: merge, order: order.Length > 0 ? order : null)))["id"]!.GetValue<string>();

    /// <summary>Follows next links from <paramref name="path"/> to the last page, as the docs say: GET <c>/access</c> + href.</summary>
    private async Task<(List<string> Ids, List<JsonObject> Pages)> Pages(EntitiesScenario s, string path)
    {
        var ids = new List<string>();
        var pages = new List<JsonObject>();
        while (path.Length > 0 && pages.Count < 10)
        {
            using var response = await Client.GetAsync(path, TestClients.OrgA, s.Sandbox);
            await OpenApiContract.AssertMatchesAsync(response);
            var page = await ObjectAsync(response);
            pages.Add(page);
            ids.AddRange(page["children"]!.AsArray().Select(c => c!["entityId"]!.GetValue<string>()));
            var href = page["_links"]!["next"]!["href"]!.GetValue<string>();
            Assert.Equal(href.Length == 0, page["_page"]!["next"]!.GetValue<string>().Length == 0);
            path = href.Length == 0 ? string.Empty : "/data/core/ups/access" + href;
        }

        return (ids, pages);
    }
}

public sealed class EntitiesApiTestsPostgres(PostgresPlatform fixture) : EntitiesApiTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class EntitiesApiTestsSqlite(SqlitePlatform fixture) : EntitiesApiTests(fixture), IClassFixture<SqlitePlatform>;
