using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ProfilePlatform.Api.Tests.Features.BatchIngestion;
using ProfilePlatform.Api.Tests.Features.SchemaRegistry;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Api.Tests.Features.ProfileBatches;

/// <summary>What the Profile ingestion tests share: Profile-enabled schemas and datasets made through the public APIs
/// (Schema Registry, descriptors, Catalog), batches ingested through the Batch Ingestion API, and reads of what Identity
/// Service and Profile stored, through the domain's stores acting for the sandbox.</summary>
internal sealed class ProfileDataApi(PlatformFixture fixture)
{
    public const string ExperienceEvent = "https://ns.adobe.com/xdm/context/experienceevent";
    public const string Ecid1 = "89149270342662559642753730269986316601";
    public const string Ecid2 = "12345678901234567890123456789012345678";

    private static readonly JsonArray Enable = XdmApi.Ops(XdmApi.Op("add", "/meta:immutableTags", new JsonArray("union")));

    public IngestionApi Ingestion { get; } = new(fixture);

    public XdmApi Xdm { get; } = new(AepClient.For(fixture.Factory));

    public AepClient Client => Ingestion.Client;

    /// <summary>An XDM Individual Profile schema with the identityMap field group and a tenant field, enabled for Profile.</summary>
    public async Task<string> NewIdentityMapProfileSchema(TestClient client, string sandbox)
    {
        var group = await Xdm.CreateAsync(client, sandbox, "fieldgroups", XdmApi.FieldGroup("Loyalty " + Guid.NewGuid().ToString("N")[..8], client.TenantId, new JsonObject { ["points"] = XdmApi.Field("integer"), ["tier"] = XdmApi.Field("string") }));
        var schema = await Xdm.CreateAsync(client, sandbox, "schemas", XdmApi.Schema("Members " + Guid.NewGuid().ToString("N")[..8], XdmApi.Profile, XdmApi.IdentityMap, group));
        await EnableAsync(client, sandbox, schema);
        return schema;
    }

    /// <summary>An XDM ExperienceEvent schema (identityMap comes with the class) with a tenant field, enabled for Profile.</summary>
    public async Task<string> NewEventSchema(TestClient client, string sandbox)
    {
        var group = await Xdm.CreateAsync(client, sandbox, "fieldgroups", XdmApi.FieldGroup("Web " + Guid.NewGuid().ToString("N")[..8], client.TenantId, new JsonObject { ["page"] = XdmApi.Field("string") }, ExperienceEvent));
        var schema = await Xdm.CreateAsync(client, sandbox, "schemas", XdmApi.Schema("Visits " + Guid.NewGuid().ToString("N")[..8], ExperienceEvent, group));
        await EnableAsync(client, sandbox, schema);
        return schema;
    }

    /// <summary>A profile schema whose tenant field <c>crmEmail</c> is its primary identity (Email) through an identity descriptor.</summary>
    public async Task<string> NewDescriptorProfileSchema(TestClient client, string sandbox)
    {
        var group = await Xdm.CreateAsync(client, sandbox, "fieldgroups", XdmApi.FieldGroup("CRM " + Guid.NewGuid().ToString("N")[..8], client.TenantId, new JsonObject { ["crmEmail"] = XdmApi.Field("string"), ["name"] = XdmApi.Field("string") }));
        var schema = await Xdm.CreateAsync(client, sandbox, "schemas", XdmApi.Schema("CRM " + Guid.NewGuid().ToString("N")[..8], XdmApi.Profile, group));
        var descriptor = new JsonObject
        {
            ["@type"] = "xdm:descriptorIdentity",
            ["xdm:sourceSchema"] = schema,
            ["xdm:sourceVersion"] = 1,
            ["xdm:sourceProperty"] = $"/_{client.TenantId}/crmEmail",
            ["xdm:namespace"] = "Email",
            ["xdm:property"] = "xdm:code",
            ["xdm:isPrimary"] = true,
        };
        using (var created = await Xdm.PostAsync(client, sandbox, "descriptors", descriptor))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"descriptor: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        await EnableAsync(client, sandbox, schema);
        return schema;
    }

    /// <summary>A dataset on the schema with <c>unifiedProfile</c> and/or <c>unifiedIdentity</c> enabled.</summary>
    public Task<string> NewDataset(TestClient client, string sandbox, string schema, bool profile = true, bool identity = true)
    {
        var tags = new JsonObject();
        if (profile)
        {
            tags["unifiedProfile"] = new JsonArray("enabled:true");
        }

        if (identity)
        {
            tags["unifiedIdentity"] = new JsonArray("enabled:true");
        }

        return tags.Count == 0
            ? Ingestion.NewDataset(client, sandbox, schema)
            : Ingestion.CatalogApi.NewDataset(client, sandbox, schema, extra: new JsonObject { ["tags"] = tags });
    }

    /// <summary>Ingests JSON lines as one batch and waits for its final status.</summary>
    public Task<(string Batch, JsonObject Final)> IngestLines(TestClient client, string sandbox, string dataset, params string[] records) =>
        Ingestion.IngestBatch(client, sandbox, dataset, """{"format":"json"}""", "", ("records.json", IngestionApi.Utf8(string.Join("\n", records) + "\n")));

    /// <summary>Runs <paramref name="read"/> with the domain's services acting for the sandbox.</summary>
    public async Task<T> Read<T>(TestClient client, string sandbox, Func<IServiceProvider, Task<T>> read)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenancyContext>().Use(new TenantKey(client.ImsOrg, sandbox));
        return await read(scope.ServiceProvider);
    }

    public Task<IdentityGraphView?> Graph(TestClient client, string sandbox, CompositeIdentity identity) =>
        Read(client, sandbox, s => s.GetRequiredService<IdentityGraphService>().FindGraphAsync(identity, CancellationToken.None));

    public Task<IReadOnlyList<ProfileFragment>> Fragments(TestClient client, string sandbox, params CompositeIdentity[] primaries) =>
        Read(client, sandbox, s => s.GetRequiredService<IProfileFragmentStore>().FindByIdentitiesAsync([.. primaries.Select(p => p.Xid)], CancellationToken.None));

    public Task<IReadOnlyList<ExperienceEvent>> Events(TestClient client, string sandbox, params CompositeIdentity[] primaries) =>
        Read(client, sandbox, s => s.GetRequiredService<IExperienceEventStore>().FindAsync(new ExperienceEventQuery([.. primaries.Select(p => p.Xid)]), CancellationToken.None));

    public static string Member(string email, string? ecid = null, int points = 1, bool emailPrimary = true)
    {
        var ecidPart = ecid is null ? "" : $$$""","ECID":[{"id":"{{{ecid}}}"{{{(emailPrimary ? "" : ",\"primary\":true")}}}}]""";
        return $$$"""{"identityMap":{"Email":[{"id":"{{{email}}}"{{{(emailPrimary ? ",\"primary\":true" : "")}}}}]{{{ecidPart}}}},"_{{{TestClients.OrgA.TenantId}}}":{"points":{{{points}}}}}""";
    }

    private async Task EnableAsync(TestClient client, string sandbox, string schema)
    {
        using var enabled = await Xdm.PatchAsync(client, sandbox, "schemas", schema, Enable);
        Assert.True(enabled.StatusCode == HttpStatusCode.OK, $"enable: {(int)enabled.StatusCode} {await enabled.Content.ReadAsStringAsync()}");
    }
}
