using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Api.Tests.Features.Catalog;
using ProfilePlatform.Api.Tests.Features.Identity;
using ProfilePlatform.Api.Tests.Features.MergePolicies;
using ProfilePlatform.Api.Tests.Features.ProfileStore;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Tests.Features.Entities;

/// <summary>A sandbox seeded with the stitching scenario, through the real APIs where they exist (sandbox,
/// CRMID namespace, schema, datasets, merge policies) and through the domain's <see cref="ProfileIngestion"/> for the
/// records (batch ingestion reaches Profile through another branch's sink).</summary>
/// <remarks>Record A (CRM dataset): CRMID 60013ABC (primary) + Email ann@acme.com, "Ann Lee", ingested at T0.
/// Record B (web dataset): ECID (primary) + CRMID 60013ABC, "Annie" and a loyalty tier, ingested at T0 + 1 h.
/// Events (events dataset): five page views on the ECID, one each minute from E0, and one call-centre event on the
/// CRMID at E0 + 30 s.</remarks>
internal sealed record EntitiesScenario(string Sandbox, TenantKey Tenant, string CrmDataset, string WebDataset, string EventsDataset)
{
    public const string Base = "/data/core/ups/access/entities";
    public const string EcidValue = "89149270342662559642753730269986316602";
    public const string CrmValue = "60013ABC";
    public const string EmailValue = "ann@acme.com";

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset E0 = new(2025, 2, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly CompositeIdentity Ecid = new("ECID", EcidValue);
    public static readonly CompositeIdentity Crm = new("CRMID", CrmValue);
    public static readonly CompositeIdentity Email = new("Email", EmailValue);

    public static async Task<EntitiesScenario> CreateAsync(PlatformFixture fixture, TestClient client, bool events = true)
    {
        var catalog = new CatalogApi(fixture);
        var sandbox = await new MergePolicyApi(fixture).NewSandbox(client);
        await new IdentityApi(fixture).NewNamespace(client, sandbox, "CRMID");
        var schema = await catalog.NewSchema(client, sandbox);
        var scenario = new EntitiesScenario(
            sandbox,
            new TenantKey(client.ImsOrg, sandbox),
            await catalog.NewDataset(client, sandbox, schema, "crm"),
            await catalog.NewDataset(client, sandbox, schema, "web"),
            await catalog.NewDataset(client, sandbox, schema, "events"));
        await scenario.IngestAsync(fixture, scenario.CrmDataset, "batch-crm", T0, ProfileDataKind.Record,
            """{"identityMap":{"CRMID":[{"id":"60013ABC","primary":true}],"Email":[{"id":"ann@acme.com"}]},"person":{"name":{"firstName":"Ann","lastName":"Lee"}}}""");
        await scenario.IngestAsync(fixture, scenario.WebDataset, "batch-web", T0.AddHours(1), ProfileDataKind.Record,
            $$$"""{"identityMap":{"ECID":[{"id":"{{{EcidValue}}}","primary":true}],"CRMID":[{"id":"60013ABC"}]},"person":{"name":{"firstName":"Annie"}},"loyalty":{"tier":"gold"}}""");
        if (events)
        {
            var views = Enumerable.Range(0, 5).Select(i =>
                $$$$"""{"_id":"view-{{{{i}}}}","timestamp":"{{{{E0.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}}}}","identityMap":{"ECID":[{"id":"{{{{EcidValue}}}}","primary":true}]},"web":{"webPageDetails":{"name":"page {{{{i}}}}","pageViews":{"value":1}}},"channel":{"_type":"web"}}""");
            await scenario.IngestAsync(fixture, scenario.EventsDataset, "batch-events", T0.AddHours(2), ProfileDataKind.ExperienceEvent, [.. views,
                $$$$"""{"_id":"call-1","timestamp":"{{{{E0.AddSeconds(30):yyyy-MM-ddTHH:mm:ssZ}}}}","identityMap":{"CRMID":[{"id":"60013ABC","primary":true}]},"channel":{"_type":"callCenter"}}"""]);
        }

        return scenario;
    }

    public async Task IngestAsync(PlatformFixture fixture, string dataset, string batch, DateTimeOffset at, ProfileDataKind kind, params string[] records)
    {
        var target = new ProfileIngestionTarget(dataset, batch, kind, IdentityEnabled: true, ProfileEnabled: true, [], at);
        var parsed = records.Select(r => JsonDocument.Parse(r).RootElement.Clone()).ToList();
        var result = await TenantScope.RunAsync(fixture, Tenant, s => s.Get<ProfileIngestion>().IngestAsync(target, parsed, CancellationToken.None));
        Assert.Empty(result.WithErrors);
    }

    /// <summary>Profile's error body <c>{"message":"CODE: ...","cause","statusCode":"NNN"}</c> naming <paramref name="mentions"/>.</summary>
    public static Task AssertError(HttpResponseMessage response, HttpStatusCode status, string code, string mentions) =>
        MergePolicyApi.AssertError(response, status, code, mentions);

    public static async Task<JsonObject> ObjectAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
