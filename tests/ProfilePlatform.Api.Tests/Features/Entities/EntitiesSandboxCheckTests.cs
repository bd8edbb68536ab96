using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Features.MergePolicies;
using ProfilePlatform.Api.Tests.Features.ProfileStore;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Api.Tests.Features.Entities.EntitiesScenario;

namespace ProfilePlatform.Api.Tests.Features.Entities;

/// <summary>The profile GET checks the request's sandbox in its own statement instead of the gateway's round trip
/// (<c>SandboxCheckedByEndpointAttribute</c>, docs/adr/0006-deferred-sandbox-check.md): every answer must stay the
/// gateway's — a sandbox that is not live gets its 404101 before any Profile answer, and nothing is written into it.</summary>
public abstract class EntitiesSandboxCheckTests(PlatformFixture fixture)
{
    private const string SandboxesPath = "/data/foundation/sandbox-management/sandboxes";

    private readonly MergePolicyApi _api = new(fixture);

    private AepClient Client => _api.Client;

    [Fact]
    public async Task GetProfile_SandboxDeletedAfterItsPoliciesWereCached_EveryGetAnswersTheGatewaysSandboxError()
    {
        // Arrange: lookups provision and then cache the sandbox's policies, then the sandbox is deleted
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var profile = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";
        for (var i = 0; i < 2; i++)
        {
            using var warm = await Client.GetAsync(profile, TestClients.OrgA, s.Sandbox);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        Assert.NotNull(fixture.Factory.Services.GetRequiredService<MergePolicyCache>().Find(s.Tenant));
        using (var deleted = await Client.SendAsync(HttpMethod.Delete, $"{SandboxesPath}/{s.Sandbox}", TestClients.OrgA))
        {
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        }

        // Act: the profile, and requests the endpoint would refuse or answer otherwise
        using var get = await Client.GetAsync(profile, TestClients.OrgA, s.Sandbox);
        using var byXid = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Ecid.Xid}", TestClients.OrgA, s.Sandbox);
        using var unknownNamespace = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId=x&entityIdNS=nosuchns", TestClients.OrgA, s.Sandbox);
        using var malformed = await Client.GetAsync($"{Base}?entityId={EcidValue}&entityIdNS=ECID", TestClients.OrgA, s.Sandbox);
        using var unknownPolicy = await Client.GetAsync(profile + "&mergePolicyId=" + Guid.NewGuid(), TestClients.OrgA, s.Sandbox);
        using var events = await Client.GetAsync($"{Base}?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId={EcidValue}&relatedEntityIdNS=ECID", TestClients.OrgA, s.Sandbox);

        // Assert
        foreach (var response in new[] { get, byXid, unknownNamespace, malformed, unknownPolicy, events })
        {
            await AssertSandboxNotFound(response, s.Sandbox);
        }
    }

    [Fact]
    public async Task GetProfile_DataStoredUnderASandboxNameThatIsNotLive_IsNeverAnswered_AndNothingIsProvisioned()
    {
        // Arrange: a profile stored for a sandbox name the organization has no sandbox of (the stores do not need one),
        // and this node holding policies for it, so only the lookup's own statement can tell
        var tenant = TenantScope.NewTenant(TestClients.OrgA);
        var target = new ProfileIngestionTarget("ds-ghost", "batch-ghost", ProfileDataKind.Record, IdentityEnabled: true, ProfileEnabled: true, [], T0);
        var record = JsonDocument.Parse($$$$"""{"identityMap":{"ECID":[{"id":"{{{{EcidValue}}}}","primary":true}]},"person":{"name":{"firstName":"Ghost"}}}""").RootElement.Clone();
        var ingested = await TenantScope.RunAsync(fixture, tenant, s => s.Get<ProfileIngestion>().IngestAsync(target, [record], CancellationToken.None));
        Assert.Empty(ingested.WithErrors);
        var cache = fixture.Factory.Services.GetRequiredService<MergePolicyCache>();
        cache.Put(tenant, new CachedMergePolicies("0@0", []));
        var path = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";

        // Act
        using var cached = await Client.GetAsync(path, TestClients.OrgA, tenant.Sandbox);
        cache.Forget(tenant);
        using var uncached = await Client.GetAsync(path, TestClients.OrgA, tenant.Sandbox);

        // Assert: the gateway's error both times, no byte of the profile, and the miss did not provision policies
        foreach (var response in new[] { cached, uncached })
        {
            Assert.DoesNotContain("Ghost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await AssertSandboxNotFound(response, tenant.Sandbox);
        }

        var stored = await TenantScope.RunAsync(fixture, tenant, s => s.Get<IMergePolicyStore>().LoadAsync(tenant, CancellationToken.None));
        Assert.False(stored.IsProvisioned);
    }

    [Fact]
    public async Task GetProfile_AnotherOrganization_NamingTheSandbox_GetsTheSandboxError_AndItsOwnSameNamedSandboxIsEmpty()
    {
        // Arrange: org A's profile; org B first has no sandbox of that name, then creates one
        var s = await CreateAsync(fixture, TestClients.OrgA, events: false);
        var path = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";

        // Act
        using var noSuchSandbox = await Client.GetAsync(path, TestClients.OrgB, s.Sandbox);
        using (var created = await Client.SendAsync(HttpMethod.Post, SandboxesPath, TestClients.OrgB, json: new { name = s.Sandbox, title = "B's namesake", type = "development" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        }

        using var ownSandbox = await Client.GetAsync(path, TestClients.OrgB, s.Sandbox);
        using var byXid = await Client.GetAsync($"{Base}?schema.name=_xdm.context.profile&entityId={Ecid.Xid}", TestClients.OrgB, s.Sandbox);
        using var stillA = await Client.GetAsync(path, TestClients.OrgA, s.Sandbox);

        // Assert
        await AssertSandboxNotFound(noSuchSandbox, s.Sandbox);
        await AssertError(ownSandbox, HttpStatusCode.NotFound, "UPS-1012-404", EcidValue);
        await AssertError(byXid, HttpStatusCode.UnprocessableEntity, "UPS-MRG-1000001", Ecid.Xid);
        Assert.Equal("Annie", (await ObjectAsync(stillA))[Ecid.Xid]!["entity"]!["person"]!["name"]!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetProfile_UnknownSandbox_AndGatewayFailuresBeforeIt_AnswerAsTheGatewayDoes()
    {
        // Act
        var path = $"{Base}?schema.name=_xdm.context.profile&entityId={EcidValue}&entityIdNS=ECID";
        using var unknown = await Client.GetAsync(path, TestClients.OrgA, "no-such-sandbox");
        using var noToken = await Client.Http.GetAsync(path);
        using var noHeader = await Client.GetAsync(path, TestClients.OrgA, sandbox: null);

        // Assert: the sandbox error; the token check still comes first; no header is prod, which exists (or is created)
        await AssertSandboxNotFound(unknown, "no-such-sandbox");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("403010", (await AepClient.JsonAsync(noToken))["error_code"]!.GetValue<string>());
        Assert.True(noHeader.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)noHeader.StatusCode}");
        Assert.DoesNotContain("404101", await noHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertSandboxNotFound(HttpResponseMessage response, string sandbox)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected 404, got {(int)response.StatusCode}: {text}");
        var body = await AepClient.JsonAsync(response);
        Assert.Equal("404101", body["error_code"]!.GetValue<string>());
        Assert.Contains($"'{sandbox}'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class EntitiesSandboxCheckTestsPostgres(PostgresPlatform fixture) : EntitiesSandboxCheckTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class EntitiesSandboxCheckTestsSqlite(SqlitePlatform fixture) : EntitiesSandboxCheckTests(fixture), IClassFixture<SqlitePlatform>;
