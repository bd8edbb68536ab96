using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Api.Tests.Features.Catalog;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Persistence;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Api.Tests.Features.ProfileStore;

/// <summary>The Profile fragment and experience event stores on real databases, ingestion through them, and the dataset
/// deletion that erases what a dataset built.</summary>
public abstract class ProfileStoreTests(PlatformFixture fixture)
{
    private const string Ecid1 = "89149270342662559642753730269986316601";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly CompositeIdentity Crm = new("CRMID", "C1");
    private static readonly CompositeIdentity Email = new("Email", "ann@acme.com");
    private static readonly CompositeIdentity Ecid = new("ECID", Ecid1);

    [Fact]
    public async Task Fragment_CreatedThenUpserted_FieldByFieldAndFoundByPrimaryXid()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        await Upsert(tenant, Write("ds1", "b1", Crm, [Email], """{"person":{"name":{"firstName":"Ann","lastName":"Lee"}},"tags":["a","b"],"é":"ü"}""", T0));

        // Act
        var returned = await Upsert(tenant, Write("ds1", "b2", Crm, [Ecid], """{"person":{"name":{"lastName":"Lee-Smith"}},"tags":["c"],"extSourceSystemAudit":{"lastUpdatedDate":"2024-12-31T23:00:00Z"}}""", T0.AddHours(1)));
        var found = await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid, Email.Xid], Ct));
        var row = await TenantScope.RunAsync(fixture, tenant, s => s.Db.Set<ProfileFragmentRecord>().SingleAsync());

        // Assert
        var fragment = Assert.Single(found);
        Assert.Equal("""{"person":{"name":{"firstName":"Ann","lastName":"Lee-Smith"}},"tags":["c"],"é":"ü","extSourceSystemAudit":{"lastUpdatedDate":"2024-12-31T23:00:00Z"}}""", fragment.Record.ToJsonString(Unescaped));
        Assert.Equal([Crm, Email, Ecid], fragment.Identities);
        Assert.Equal(("b2", T0.AddHours(1)), (fragment.BatchId, fragment.IngestedAt));
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), fragment.LastUpdated);
        Assert.Equal(fragment.RecordJson, Assert.Single(returned).RecordJson);
        Assert.Equal((Crm.Xid, "ds1", (DateTimeOffset?)new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero)), (row.PrimaryXid, row.DatasetId, row.LastUpdated));
    }

    [Fact]
    public async Task Fragment_SeveralWritesInOneCall_AppliedInOrder_OneFragmentPerDatasetAndPrimary()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();

        // Act
        var returned = await Upsert(
            tenant,
            Write("ds1", "b1", Crm, [], """{"a":1,"b":1}""", T0),
            Write("ds2", "b1", Crm, [], """{"a":2}""", T0),
            Write("ds1", "b1", Crm, [], """{"b":3,"c":3}""", T0),
            Write("ds1", "b1", Email, [], """{"a":4}""", T0));
        var found = await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid], Ct));

        // Assert
        Assert.Equal(3, returned.Count);
        Assert.Equal(["ds1", "ds2"], found.Select(f => f.DatasetId));
        Assert.Equal("""{"a":1,"b":3,"c":3}""", found[0].RecordJson);
    }

    [Fact]
    public async Task Fragment_InsideACallersTransaction_PartlyStoredKeys_EachTheDomainsMergeOfItsWrites()
    {
        // Arrange: 60 fragments stored; then, inside a caller's transaction (a batch), one call writes 30 of them again
        // (twice each) and 30 new ones — stored keys are merged and upserted, new ones appended by direct COPY
        var tenant = TenantScope.NewTenant();
        ProfileFragmentWrite W(int n, string batch, string record, int minute) =>
            Write("ds1", batch, new CompositeIdentity("CRMID", $"C{n}"), [new CompositeIdentity("Email", $"u{n}.{batch}@x.y")], record, T0.AddMinutes(minute));
        var first = Enumerable.Range(0, 60).Select(n => W(n, "b1", $$"""{"n":{{n}},"keep":"k{{n}}","tier":"silver"}""", 0)).ToList();
        var second = Enumerable.Range(30, 60).SelectMany(n => new[]
        {
            W(n, "b2", """{"tier":"gold","x":1}""", 1),
            W(n, "b2", """{"x":2}""", 2),
        }).ToList();
        await Upsert(tenant, [.. first]);

        // Act
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var tx = await s.Db.Database.BeginTransactionAsync();
            await s.Get<IProfileFragmentStore>().UpsertAsync(second, Ct);
            await tx.CommitAsync();
        });
        var stored = await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([.. Enumerable.Range(0, 90).Select(n => new CompositeIdentity("CRMID", $"C{n}").Xid)], Ct));

        // Assert: what applying every write in order with the domain's merge gives
        var expected = new Dictionary<string, ProfileFragment>();
        foreach (var write in first.Concat(second))
        {
            expected[write.PrimaryIdentity.Xid] = write.ApplyTo(expected.GetValueOrDefault(write.PrimaryIdentity.Xid));
        }

        static string Shape(ProfileFragment f) => $"{f.PrimaryIdentity} {f.BatchId} {f.IngestedAt:O} {f.RecordJson} {string.Join(",", f.Identities)}";
        Assert.Equal(90, stored.Count);
        Assert.Equal(expected.Values.Select(Shape).Order(StringComparer.Ordinal), stored.Select(Shape).Order(StringComparer.Ordinal));
        Assert.Contains(stored, f => f.RecordJson == """{"n":40,"keep":"k40","tier":"gold","x":2}""");
    }

    [Fact]
    public async Task Events_InsideACallersTransaction_NewAndStoredIdsInOneCall_LatestIngestionWins()
    {
        // Arrange: e0..e9 stored at T0+1h; one call inside a caller's transaction re-delivers e0..e4 newer, e5..e9
        // older, and brings e10..e14 new
        var tenant = TenantScope.NewTenant();
        await Append(tenant, [.. Enumerable.Range(0, 10).Select(i => Event("ds1", $"e{i}", Ecid, T0, ingestedAt: T0.AddHours(1), page: "first"))]);
        var again = Enumerable.Range(0, 15).Select(i => Event("ds1", $"e{i}", Ecid, T0, ingestedAt: i < 5 ? T0.AddHours(2) : i < 10 ? T0.AddMinutes(30) : T0.AddHours(2), page: "second")).ToList();

        // Act
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var tx = await s.Db.Database.BeginTransactionAsync();
            Assert.Equal(15, await s.Get<IExperienceEventStore>().AppendAsync(again, Ct));
            await tx.CommitAsync();
        });
        var stored = await Find(tenant, new ExperienceEventQuery([Ecid.Xid], Limit: 100));

        // Assert
        Assert.Equal(15, stored.Count);
        Assert.All(stored, e =>
        {
            var n = int.Parse(e.EventId[1..], System.Globalization.CultureInfo.InvariantCulture);
            var (page, at) = n is >= 5 and < 10 ? ("first", T0.AddHours(1)) : ("second", T0.AddHours(2));
            Assert.Equal((page, at), (e.Record["web"]!["page"]!.GetValue<string>(), e.IngestedAt));
        });
    }

    [Fact]
    public async Task Fragment_ConcurrentUpsertsOfOneKey_NoUpdateLost()
    {
        // Arrange: twelve writers, each in its own scope, each adding its own field to the same fragment
        var tenant = TenantScope.NewTenant();
        await Upsert(tenant, Write("ds1", "b0", Crm, [], """{"start":true}""", T0));

        // Act
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            Upsert(tenant, Write("ds1", $"b{i}", Crm, [new CompositeIdentity("Email", $"u{i}@x.y")], $$"""{"f{{i}}":{{i}}}""", T0.AddMinutes(i))))));
        var fragment = Assert.Single(await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid], Ct)));

        // Assert
        var record = fragment.Record;
        Assert.True(record["start"]!.GetValue<bool>());
        Assert.All(Enumerable.Range(0, 12), i => Assert.Equal(i, record[$"f{i}"]?.GetValue<int>()));
        Assert.Equal(13, fragment.Identities.Count);
    }

    [Fact]
    public async Task Events_TimeRangeOrderLimitAndPages()
    {
        // Arrange: events of two identities of one profile and of a stranger; equal timestamps to test the tie-breaks
        var tenant = TenantScope.NewTenant();
        var stranger = new CompositeIdentity("ECID", "89149270342662559642753730269986316609");
        await Append(
            tenant,
            Event("ds1", "e3", Ecid, T0.AddMinutes(2)),
            Event("ds1", "e1", Ecid, T0),
            Event("ds2", "e1", Email, T0),
            Event("ds1", "e2", Email, T0.AddMinutes(1)),
            Event("ds1", "e4", Ecid, T0.AddMinutes(3)),
            Event("ds1", "x1", stranger, T0.AddMinutes(1)));
        var xids = new[] { Ecid.Xid, Email.Xid };

        // Act
        var all = await Find(tenant, new ExperienceEventQuery(xids));
        var range = await Find(tenant, new ExperienceEventQuery(xids, From: T0.AddMinutes(1), To: T0.AddMinutes(3)));
        var latestTwo = await Find(tenant, new ExperienceEventQuery(xids, Limit: 2, Descending: true));
        var pagedUp = await Pages(tenant, new ExperienceEventQuery(xids, Limit: 2));
        var pagedDown = await Pages(tenant, new ExperienceEventQuery(xids, Limit: 2, Descending: true));

        // Assert
        Assert.Equal(["ds1/e1", "ds2/e1", "ds1/e2", "ds1/e3", "ds1/e4"], all.Select(Name));
        Assert.Equal(["ds1/e2", "ds1/e3"], range.Select(Name));
        Assert.Equal(["ds1/e4", "ds1/e3"], latestTwo.Select(Name));
        Assert.Equal(all.Select(Name), pagedUp);
        Assert.Equal(all.Select(Name).Reverse(), pagedDown);
        Assert.Equal(T0.AddMinutes(2), all[3].Timestamp);
        Assert.Equal([Ecid], all[0].Identities);
    }

    [Fact]
    public async Task Events_SameIdAgain_LatestIngestionWins_AnOlderCopyDoesNotOverwrite()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        await Append(tenant, Event("ds1", "e1", Ecid, T0, ingestedAt: T0.AddHours(1), page: "first"));

        // Act
        await Append(tenant, Event("ds1", "e1", Ecid, T0, ingestedAt: T0.AddHours(2), page: "second"), Event("ds1", "e1", Ecid, T0, ingestedAt: T0.AddHours(2), page: "third"));
        await Append(tenant, Event("ds1", "e1", Ecid, T0, ingestedAt: T0.AddMinutes(30), page: "stale"));
        var stored = await Find(tenant, new ExperienceEventQuery([Ecid.Xid]));

        // Assert
        var only = Assert.Single(stored);
        Assert.Equal("third", only.Record["web"]!["page"]!.GetValue<string>());
        Assert.Equal(T0.AddHours(2), only.IngestedAt);
        Assert.Equal(1, await TenantScope.RunAsync(fixture, tenant, s => s.Db.Set<ExperienceEventRecord>().CountAsync()));
    }

    [Fact]
    public async Task Events_HostileIdAndValues_StoredVerbatim()
    {
        // Arrange: a 5000-character _id, quotes, SQL and NUL-free control characters
        var tenant = TenantScope.NewTenant();
        var longId = new string('x', 5000);
        var hostile = "e'); DROP TABLE profile_experience_events; --\"\\\t";

        // Act
        await Append(tenant, Event("ds1", longId, Ecid, T0), Event("ds1", hostile, Ecid, T0.AddMinutes(1)));
        var stored = await Find(tenant, new ExperienceEventQuery([Ecid.Xid]));

        // Assert
        Assert.Equal([longId, hostile], stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task DeleteDataset_OnlyThatDatasetsFragmentsAndEvents_AndOnlyInThisTenant()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        var other = TenantScope.NewTenant();
        foreach (var t in new[] { tenant, other })
        {
            await Upsert(t, Write("ds1", "b1", Crm, [], """{"a":1}""", T0), Write("ds2", "b1", Crm, [], """{"a":2}""", T0));
            await Append(t, Event("ds1", "e1", Crm, T0), Event("ds2", "e1", Crm, T0));
        }

        // Act
        var (fragments, events) = await TenantScope.RunAsync(fixture, tenant, async s =>
            (await s.Get<IProfileFragmentStore>().DeleteDatasetAsync("ds1", Ct), await s.Get<IExperienceEventStore>().DeleteDatasetAsync("ds1", Ct)));

        // Assert
        Assert.Equal((1, 1), (fragments, events));
        Assert.Equal(["ds2"], (await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid], Ct))).Select(f => f.DatasetId));
        Assert.Equal(["ds2/e1"], (await Find(tenant, new ExperienceEventQuery([Crm.Xid]))).Select(Name));
        Assert.Equal(2, (await TenantScope.RunAsync(fixture, other, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid], Ct))).Count);
        Assert.Equal(2, (await Find(other, new ExperienceEventQuery([Crm.Xid]))).Count);
    }

    [Fact]
    public async Task Tenants_AnotherOrgOrSandbox_SeesNoFragmentsOrEvents()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        await Upsert(tenant, Write("ds1", "b1", Crm, [], """{"a":1}""", T0));
        await Append(tenant, Event("ds1", "e1", Crm, T0));

        // Act & Assert
        foreach (var stranger in new[] { TenantScope.NewTenant(), new TenantKey(TestClients.OrgB.ImsOrg, tenant.Sandbox) })
        {
            Assert.Empty(await TenantScope.RunAsync(fixture, stranger, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Crm.Xid], Ct)));
            Assert.Empty(await Find(stranger, new ExperienceEventQuery([Crm.Xid])));
            Assert.Equal(0, await TenantScope.RunAsync(fixture, stranger, s => s.Get<IProfileFragmentStore>().DeleteDatasetAsync("ds1", Ct)));
        }

        Assert.Single(await Find(tenant, new ExperienceEventQuery([Crm.Xid])));
    }

    [Fact]
    public async Task SandboxReset_WipesFragmentsEventsAndGraphs_ModelDrivenEraserCoversEveryProfileTable()
    {
        // Arrange
        var reset = TenantScope.NewTenant();
        var kept = TenantScope.NewTenant();
        foreach (var t in new[] { reset, kept })
        {
            await Upsert(t, Write("ds1", "b1", Crm, [], """{"a":1}""", T0));
            await Append(t, Event("ds1", "e1", Crm, T0));
        }

        // Act
        await TenantScope.RunAsync(fixture, reset, s => TenantDataEraser.EraseAsync(s.Db, reset, Ct));

        // Assert
        var tables = await TenantScope.RunAsync(fixture, reset, s => Task.FromResult(TenantDataEraser.TenantOwnedTypes(s.Db.Model).Select(t => t.GetTableName()).ToList()));
        Assert.Superset(
            new HashSet<string?> { "identity_vertices", "identity_links", "profile_fragments", "profile_experience_events" },
            tables.ToHashSet());
        Assert.Equal((0, 0), await Counts(reset));
        Assert.Equal((1, 1), await Counts(kept));
    }

    [Fact]
    public async Task Ingestion_FromTheContainer_LinksStoresAndReportsPerRecord()
    {
        // Arrange: an identityMap-based record dataset with the standard namespaces
        var tenant = TenantScope.NewTenant();
        var target = new ProfileIngestionTarget("ds1", "b1", ProfileDataKind.Record, IdentityEnabled: true, ProfileEnabled: true, [], T0);
        var records = new[]
        {
            $$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}],"Email":[{"id":"ann@acme.com"}]},"person":{"name":{"firstName":"Ann"}},"n":1}""",
            """{"identityMap":{"ECID":[{"id":"42","primary":true}],"Email":[{"id":"x@acme.com"}]}}""",
            $$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]},"person":{"name":{"lastName":"Lee"}},"n":2}""",
        }.Select(r => JsonDocument.Parse(r).RootElement.Clone()).ToList();

        // Act
        var result = await TenantScope.RunAsync(fixture, tenant, s => s.Get<ProfileIngestion>().IngestAsync(target, records, Ct));
        var graph = await TenantScope.RunAsync(fixture, tenant, s => s.Get<IdentityGraphService>().FindGraphAsync(Email, Ct));
        var fragment = Assert.Single(await TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Ecid.Xid], Ct)));

        // Assert
        Assert.Equal([false, true, false], result.Records.Select(r => r.IsSkipped));
        Assert.Equal(IdentityRecordProblem.EcidFormat, Assert.Single(result.Records[1].Errors).IdentityProblem);
        Assert.Equal([Ecid, Email], graph!.Members);
        Assert.Equal("""{"identityMap":{"ECID":[{"id":"89149270342662559642753730269986316601","primary":true}],"Email":[{"id":"ann@acme.com"}]},"person":{"name":{"firstName":"Ann","lastName":"Lee"}},"n":2}""", fragment.RecordJson);
        Assert.Equal(2, await TenantScope.RunAsync(fixture, tenant, s => s.Db.Set<IdentityVertexRecord>().CountAsync()));
    }

    [Fact]
    public async Task DeletingADatasetThroughCatalog_ErasesItsLinksFragmentsAndEvents_OtherDatasetKept()
    {
        // Arrange: two Profile-enabled datasets of a real sandbox; the second one's record joins the graph
        var api = new CatalogApi(fixture);
        var sandbox = await api.NewSandbox(TestClients.OrgA);
        var schema = await api.NewProfileEnabledSchema(TestClients.OrgA, sandbox);
        var enabled = JsonNode.Parse("""{"tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""")!.AsObject();
        var kept = await api.NewDataset(TestClients.OrgA, sandbox, schema, extra: enabled);
        var deleted = await api.NewDataset(TestClients.OrgA, sandbox, schema, extra: enabled);
        var tenant = new TenantKey(TestClients.OrgA.ImsOrg, sandbox);
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            var ingestion = s.Get<ProfileIngestion>();
            await ingestion.IngestAsync(Target(kept), Json("""{"identityMap":{"Email":[{"id":"ann@acme.com","primary":true}],"Phone":[{"id":"+15550100"}]},"a":1}"""), Ct);
            await ingestion.IngestAsync(Target(deleted), Json($$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}],"Email":[{"id":"ann@acme.com"}]},"b":2}"""), Ct);
            await ingestion.IngestAsync(Target(deleted) with { Kind = ProfileDataKind.ExperienceEvent }, Json($$$"""{"_id":"e1","timestamp":"2025-01-01T10:00:00Z","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}"""), Ct);
        });
        Assert.Equal(3, (await TenantScope.RunAsync(fixture, tenant, s => s.Get<IdentityGraphService>().FindGraphAsync(Email, Ct)))!.Members.Count);

        // Act
        using var response = await api.Send(HttpMethod.Delete, $"{CatalogApi.Base}/dataSets/{deleted}", TestClients.OrgA, sandbox);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            var graph = await s.Get<IdentityGraphService>().FindGraphAsync(Email, Ct);
            Assert.Equal(["Email:ann@acme.com", "Phone:+15550100"], graph!.Members.Select(m => m.ToString()));
            Assert.Null(await s.Get<IdentityGraphService>().FindGraphAsync(Ecid, Ct));
            Assert.Equal([kept], (await s.Get<IProfileFragmentStore>().FindByIdentitiesAsync([Email.Xid, Ecid.Xid], Ct)).Select(f => f.DatasetId));
            Assert.Empty(await s.Get<IExperienceEventStore>().FindAsync(new ExperienceEventQuery([Ecid.Xid]), Ct));
            Assert.Empty(await s.GraphStore.GraphIdsLinkedByDatasetAsync(deleted, Ct));
        });
    }

    private static ProfileIngestionTarget Target(string dataset) =>
        new(dataset, "b1", ProfileDataKind.Record, IdentityEnabled: true, ProfileEnabled: true, Array.Empty<XdmIdentityField>(), T0);

    private static List<JsonElement> Json(string record) => [JsonDocument.Parse(record).RootElement.Clone()];

    private static ProfileFragmentWrite Write(string dataset, string batch, CompositeIdentity primary, IReadOnlyList<CompositeIdentity> identities, string record, DateTimeOffset at) =>
        new(dataset, batch, primary, identities, JsonNode.Parse(record)!.AsObject(), at);

    private static ExperienceEvent Event(string dataset, string id, CompositeIdentity primary, DateTimeOffset timestamp, DateTimeOffset? ingestedAt = null, string page = "home") =>
        ExperienceEvent.Create(
            dataset,
            "b1",
            primary,
            [],
            new JsonObject { ["_id"] = id, ["timestamp"] = timestamp.ToString("O"), ["web"] = new JsonObject { ["page"] = page } },
            ingestedAt ?? T0);

    private static string Name(ExperienceEvent e) => $"{e.DatasetId}/{e.EventId}";

    private Task<IReadOnlyList<ProfileFragment>> Upsert(TenantKey tenant, params ProfileFragmentWrite[] writes) =>
        TenantScope.RunAsync(fixture, tenant, s => s.Get<IProfileFragmentStore>().UpsertAsync(writes, Ct));

    private Task<int> Append(TenantKey tenant, params ExperienceEvent[] events) =>
        TenantScope.RunAsync(fixture, tenant, s => s.Get<IExperienceEventStore>().AppendAsync(events, Ct));

    private Task<IReadOnlyList<ExperienceEvent>> Find(TenantKey tenant, ExperienceEventQuery query) =>
        TenantScope.RunAsync(fixture, tenant, s => s.Get<IExperienceEventStore>().FindAsync(query, Ct));

    /// <summary>Reads every page of <paramref name="query"/>, each starting after the previous page's last event.</summary>
    private async Task<List<string>> Pages(TenantKey tenant, ExperienceEventQuery query)
    {
        var names = new List<string>();
        for (var page = await Find(tenant, query); page.Count > 0; page = await Find(tenant, query with { After = ExperienceEventPosition.Of(page[^1]) }))
        {
            Assert.InRange(page.Count, 1, query.Limit);
            names.AddRange(page.Select(Name));
        }

        return names;
    }

    private Task<(int Fragments, int Events)> Counts(TenantKey tenant) =>
        TenantScope.RunAsync(fixture, tenant, async s =>
            (await s.Db.Set<ProfileFragmentRecord>().CountAsync(), await s.Db.Set<ExperienceEventRecord>().CountAsync()));
}

public sealed class ProfileStoreTestsPostgres(PostgresPlatform fixture) : ProfileStoreTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class ProfileStoreTestsSqlite(SqlitePlatform fixture) : ProfileStoreTests(fixture), IClassFixture<SqlitePlatform>;
