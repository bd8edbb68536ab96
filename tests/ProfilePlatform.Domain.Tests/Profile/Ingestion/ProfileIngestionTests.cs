using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Ingestion;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Domain.Tests.Fakes;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile.Ingestion;

public sealed class ProfileIngestionTests
{
    private const string CrmDataset = "5c8c3c555033b814b69f947f";
    private const string WebDataset = "5c8c3c555033b814b69f9480";
    private const string EventDataset = "5c8c3c555033b814b69f9481";
    private const string Ecid1 = "89149270342662559642753730269986316601";
    private const string Ecid2 = "89149270342662559642753730269986316602";
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>CRM id primary, personal email secondary.</summary>
    private static readonly XdmIdentityField[] CrmFields =
    [
        new("d-crm", "/_acme/crmId", "CRMID", false, true),
        new("d-email", "/personalEmail/address", "Email", false, false),
    ];

    private static readonly CompositeIdentity Crm = new("CRMID", "C1");
    private static readonly CompositeIdentity Email = new("Email", "ann@acme.com");
    private static readonly CompositeIdentity Ecid = new("ECID", Ecid1);

    private readonly FakeIdentityNamespaces _namespaces = new();
    private readonly CountingGraphStore _graphStore = new();
    private readonly IdentityGraphService _graph;
    private readonly InMemoryProfileFragmentStore _fragments = new();
    private readonly InMemoryExperienceEventStore _events = new();
    private readonly ProfileIngestion _sut;

    public ProfileIngestionTests()
    {
        _graph = new IdentityGraphService(_graphStore);
        _sut = new ProfileIngestion(_namespaces, _graph, _fragments, _events);
    }

    [Fact]
    public async Task Records_OfOneBatch_LinkedAndAppliedToTheirFragmentsInOrder()
    {
        // Arrange: two records for the same CRM primary in one segment, the second one partial
        var records = Json(
            """{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"},"person":{"name":{"firstName":"Ann","lastName":"Lee"}}}""",
            """{"_acme":{"crmId":"C1"},"person":{"name":{"lastName":"Lee-Smith"}}}""");

        // Act
        var result = await _sut.IngestAsync(Target(CrmDataset, "b1", CrmFields), records, CancellationToken.None);

        // Assert
        Assert.Equal([0, 1], result.Records.Select(r => r.Index));
        Assert.Equal(2, result.Fragments);
        Assert.Equal(1, result.Linked);
        Assert.Empty(result.WithErrors);
        var fragment = Assert.Single(_fragments.All);
        Assert.Equal((CrmDataset, Crm), (fragment.DatasetId, fragment.PrimaryIdentity));
        Assert.Equal("""{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"},"person":{"name":{"firstName":"Ann","lastName":"Lee-Smith"}}}""", fragment.RecordJson);
        Assert.Equal([Crm, Email], fragment.Identities);
        Assert.Equal([Crm, Email], (await _graph.RelatedIdentitiesAsync(Crm, CancellationToken.None)).Order(CompositeIdentity.Order));
        var link = Assert.Single(_graphStore.Inner.AllLinks);
        Assert.Equal([new LinkSource(CrmDataset, "b1", T0)], link.Sources);
    }

    [Fact]
    public async Task TwoDatasets_StitchedByTheGraph_MergedProfileAsTheEntitiesApiWouldBuildIt()
    {
        // Arrange
        await _sut.IngestAsync(Target(CrmDataset, "b-crm", CrmFields), Json("""{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"},"person":{"name":{"firstName":"Ann","lastName":"Lee"}}}"""), CancellationToken.None);
        await _sut.IngestAsync(Target(WebDataset, "b-web", [], at: T0.AddHours(1)), Json($$$"""{"identityMap":{"CRMID":[{"id":"C1"}],"ECID":[{"id":"{{{Ecid1}}}","primary":true}]},"person":{"name":{"firstName":"Annie"}},"n":1}"""), CancellationToken.None);

        // Act: what the entities API does with the stores
        var lookup = new ProfileLookup(Ecid, await _graph.RelatedIdentitiesAsync(Ecid, CancellationToken.None));
        var policy = Policy("mp", graph: IdentityGraphTypes.Pdg);
        var fragments = await _fragments.FindByIdentitiesAsync([.. lookup.IdentitiesFor(policy).Select(i => i.Xid)], CancellationToken.None);
        var profile = ProfileMerger.Merge(lookup, fragments, policy);

        // Assert
        Assert.Equal([WebDataset, CrmDataset], profile.Sources);
        Assert.Equal("Annie", profile.Entity["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Lee", profile.Entity["person"]!["name"]!["lastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecordSkippedByAGuardrail_NothingStored_ErrorReported()
    {
        // Arrange: an ECID that is not 38 digits skips the whole record
        var records = Json(
            """{"identityMap":{"ECID":[{"id":"123","primary":true}],"Email":[{"id":"a@b.c"}]},"x":1}""",
            $$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid2}}}","primary":true}],"Email":[{"id":"b@b.c"}]},"x":2}""");

        // Act
        var result = await _sut.IngestAsync(Target(WebDataset, "b1", []), records, CancellationToken.None);

        // Assert
        var skipped = result.Records[0];
        Assert.True(skipped.IsSkipped);
        Assert.False(skipped.Link.Linked);
        Assert.Equal(ProfileWrite.None, skipped.Written);
        var error = Assert.Single(skipped.Errors);
        Assert.Equal((ProfileRecordProblem.Identity, ProfileErrorOutcome.RecordSkipped, IdentityRecordProblem.EcidFormat), (error.Problem, error.Outcome, error.IdentityProblem));
        Assert.Equal("identityMap/ECID/0", error.Source);
        Assert.Equal(ProfileWrite.Fragment, result.Records[1].Written);
        Assert.Equal([new CompositeIdentity("ECID", Ecid2)], _fragments.All.Select(f => f.PrimaryIdentity));
        Assert.Equal(2, _graphStore.Inner.AllVertices.Count);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public async Task BlockedIdentity_DroppedAndReported_RecordStoredWithoutIt()
    {
        // Act
        var result = await _sut.IngestAsync(
            Target(WebDataset, "b1", []),
            Json($$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}],"Email":[{"id":"anonymous"},{"id":"ann@acme.com"}]}}"""),
            CancellationToken.None);

        // Assert
        var outcome = Assert.Single(result.Records);
        Assert.False(outcome.IsSkipped);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((ProfileErrorOutcome.IdentityDropped, IdentityRecordProblem.ValueBlocked), (error.Outcome, error.IdentityProblem));
        Assert.Equal([Ecid, Email], Assert.Single(_fragments.All).Identities);
        Assert.Equal([Ecid, Email], outcome.Link.Members.Order(CompositeIdentity.Order));
    }

    [Fact]
    public async Task NoPrimaryIdentity_LinkedButNotInProfile()
    {
        // Act
        var result = await _sut.IngestAsync(
            Target(WebDataset, "b1", []),
            Json("""{"identityMap":{"Email":[{"id":"ann@acme.com"}],"CRMID":[{"id":"C1"}]}}"""),
            CancellationToken.None);

        // Assert
        var outcome = Assert.Single(result.Records);
        Assert.True(outcome.Link.Linked);
        Assert.Equal(ProfileWrite.None, outcome.Written);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((ProfileRecordProblem.PrimaryIdentityMissing, ProfileErrorOutcome.NotInProfile), (error.Problem, error.Outcome));
        Assert.Contains("primary", error.Message, StringComparison.Ordinal);
        Assert.Empty(_fragments.All);
        Assert.False(outcome.IsSkipped);
    }

    [Fact]
    public async Task MalformedRecords_SkippedOneByOne_TheOthersGoOn()
    {
        // Arrange
        var records = new[] { "[1,2]", "{not json", $$$"""{"identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}""" }
            .Select(s => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(s))
            .ToList();

        // Act
        var result = await _sut.IngestAsync(Target(WebDataset, "b1", []), records, CancellationToken.None);

        // Assert
        Assert.Equal([true, true, false], result.Records.Select(r => r.IsSkipped));
        Assert.All(result.Records.Take(2), r => Assert.Equal(ProfileRecordProblem.NotAnObject, Assert.Single(r.Errors).Problem));
        Assert.Equal(ProfileWrite.Fragment, result.Records[2].Written);
    }

    [Fact]
    public async Task Events_Appended_DuplicateIdInOneSegmentKeptOnce_InvalidEventReported()
    {
        // Arrange
        var records = Json(
            $$$"""{"_id":"e1","timestamp":"2025-01-01T10:00:00Z","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}],"Email":[{"id":"ann@acme.com"}]},"web":{"page":"home"}}""",
            $$$"""{"_id":"e2","timestamp":"2025-01-01T09:00:00Z","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}""",
            $$$"""{"_id":"e1","timestamp":"2025-01-01T10:00:00Z","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]},"web":{"page":"home-2"}}""",
            $$$"""{"_id":"e3","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}""");

        // Act
        var result = await _sut.IngestAsync(Target(EventDataset, "b1", [], ProfileDataKind.ExperienceEvent), records, CancellationToken.None);
        var stored = await _events.FindAsync(new ExperienceEventQuery([Ecid.Xid]), CancellationToken.None);

        // Assert
        Assert.Equal([ProfileWrite.Event, ProfileWrite.Event, ProfileWrite.Event, ProfileWrite.None], result.Records.Select(r => r.Written));
        var invalid = Assert.Single(result.Records[3].Errors);
        Assert.Equal((ProfileRecordProblem.EventInvalid, "timestamp"), (invalid.Problem, invalid.Source));
        Assert.Equal(["e2", "e1"], stored.Select(e => e.EventId));
        Assert.Equal("home-2", stored[1].Record["web"]!["page"]!.GetValue<string>());
        Assert.Empty(_fragments.All);
        Assert.True(result.Records[0].Link.Linked);
    }

    [Theory]
    [InlineData(true, false, 1, 0)]
    [InlineData(false, true, 0, 1)]
    [InlineData(false, false, 0, 0)]
    public async Task DatasetSwitches_DecideWhatIsStored(bool identityEnabled, bool profileEnabled, int vertexPairs, int fragments)
    {
        // Arrange
        var target = Target(CrmDataset, "b1", CrmFields) with { IdentityEnabled = identityEnabled, ProfileEnabled = profileEnabled };

        // Act
        var result = await _sut.IngestAsync(target, Json("""{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"}}"""), CancellationToken.None);

        // Assert
        Assert.Equal(vertexPairs * 2, _graphStore.Inner.AllVertices.Count);
        Assert.Equal(fragments, _fragments.All.Count);
        Assert.Equal(vertexPairs, result.Linked);
        Assert.Equal(fragments, result.Fragments);
        if (!identityEnabled && !profileEnabled)
        {
            Assert.Equal(0, _namespaces.Lookups);
            Assert.Equal(0, _fragments.UpsertCalls);
        }
    }

    [Fact]
    public async Task LargeSegment_FewStoreCalls_SameGraphsAsLinkingOneByOne()
    {
        // Arrange: two chunks and a bit over a small universe of identities, so graphs merge a lot
        var count = 2 * ProfileIngestion.LinkChunk + 200;
        var random = new Random(11);
        var json = Enumerable.Range(0, count).Select(i =>
        {
            var crm = random.Next(300);
            var email = random.Next(300);
            return $$$"""{"_acme":{"crmId":"C{{{crm}}}"},"personalEmail":{"address":"u{{{email}}}@x.y"},"n":{{{i}}},"end":true}""";
        }).ToArray();
        var oneByOne = new InMemoryIdentityGraphStore();
        var reference = new ProfileIngestion(new FakeIdentityNamespaces(), new IdentityGraphService(oneByOne), new InMemoryProfileFragmentStore(), new InMemoryExperienceEventStore());
        foreach (var record in json)
        {
            await reference.IngestAsync(Target(CrmDataset, "b1", CrmFields), Json(record), CancellationToken.None);
        }

        // Act
        var result = await _sut.IngestAsync(Target(CrmDataset, "b1", CrmFields), Json(json), CancellationToken.None);

        // Assert
        Assert.Equal(count, result.Linked);
        Assert.Equal(3, _graphStore.Mutations); // chunk + chunk + 200 records
        Assert.Equal((count + ProfileIngestion.WriteChunk - 1) / ProfileIngestion.WriteChunk, _fragments.UpsertCalls);
        Assert.True(_namespaces.Lookups <= 2, $"{_namespaces.Lookups} namespace lookups for two namespaces");
        Assert.Equal(Partition(oneByOne.AllVertices), Partition(_graphStore.Inner.AllVertices));
        Assert.Equal(oneByOne.AllLinks.Count, _graphStore.Inner.AllLinks.Count);
    }

    [Fact]
    public async Task DatasetEraser_RemovesTheDatasetsLinksFragmentsAndEvents_OthersKept()
    {
        // Arrange: three Profile- and Identity-enabled datasets, targets built from their tags
        var crm = EnabledDataset();
        var web = EnabledDataset();
        var events = EnabledDataset();
        await _sut.IngestAsync(ProfileIngestionTarget.For(crm, "b-crm", ProfileDataKind.Record, CrmFields, T0), Json("""{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"}}"""), CancellationToken.None);
        await _sut.IngestAsync(ProfileIngestionTarget.For(web, "b-web", ProfileDataKind.Record, [], T0), Json($$$"""{"identityMap":{"CRMID":[{"id":"C1"}],"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}"""), CancellationToken.None);
        await _sut.IngestAsync(ProfileIngestionTarget.For(events, "b-ev", ProfileDataKindsForEvents, [], T0), Json($$$"""{"_id":"e1","timestamp":"2025-01-01T10:00:00Z","identityMap":{"ECID":[{"id":"{{{Ecid1}}}","primary":true}]}}"""), CancellationToken.None);
        Assert.Equal([Crm, Ecid, Email], (await _graph.RelatedIdentitiesAsync(Crm, CancellationToken.None)).Order(CompositeIdentity.Order));
        var sut = new ProfileDatasetEraser(_graph, _fragments, _events);

        // Act
        await sut.EraseAsync(web, T0, CancellationToken.None);
        await sut.EraseAsync(events, T0, CancellationToken.None);

        // Assert
        Assert.Equal([crm.Id], _fragments.All.Select(f => f.DatasetId));
        Assert.Empty(_events.All);
        Assert.Null(await _graph.FindGraphAsync(Ecid, CancellationToken.None));
        Assert.Equal([Crm, Email], (await _graph.RelatedIdentitiesAsync(Crm, CancellationToken.None)).Order(CompositeIdentity.Order));
        Assert.Empty(await _graphStore.GraphIdsLinkedByDatasetAsync(web.Id, CancellationToken.None));
        Assert.NotEmpty(await _graphStore.GraphIdsLinkedByDatasetAsync(crm.Id, CancellationToken.None));
    }

    [Fact]
    public async Task FragmentAndEvent_FromOneRecord_StoredAsTheRecordsObjectModelWritesIt()
    {
        // Arrange: spacing, escapes, non-ASCII text and HTML-sensitive characters, numbers as written
        const string record = """{ "identityMap": {"ECID": [{"id": "89149270342662559642753730269986316601", "primary": true}], "Phone": [{"id": "+1 555 <0100> & \u0041"}]}, "person": {"name": {"firstName": "Zoë"}}, "n": 1.50 }""";
        const string @event = """{ "_id": "e1", "timestamp": "2025-01-01T10:00:00Z", "identityMap": {"ECID": [{"id": "89149270342662559642753730269986316601", "primary": true}]}, "web": {"name": "café + <b>"}, "n": 1e3 }""";

        // Act: once from UTF-8 as batch ingestion sends records, once prepared as its check stage does
        await _sut.IngestAsync(Target(WebDataset, "b1", []), [Encoding.UTF8.GetBytes(record)], CancellationToken.None);
        await _sut.IngestAsync(Target(EventDataset, "b1", [], ProfileDataKind.ExperienceEvent), [PreparedProfileRecord.Of(Target(EventDataset, "b1", [], ProfileDataKind.ExperienceEvent), Encoding.UTF8.GetBytes(@event))], CancellationToken.None);

        // Assert: the text a JSON object model of the record writes, as before records were kept as text
        Assert.Equal(JsonNode.Parse(record)!.ToJsonString(), Assert.Single(_fragments.All).RecordJson);
        Assert.Equal(JsonNode.Parse(@event)!.ToJsonString(), Assert.Single(_events.All).RecordJson);
        Assert.Equal(JsonNode.Parse(record)!.ToJsonString(), Encoding.UTF8.GetString(Assert.Single(_fragments.All).RecordUtf8.Span));
        Assert.Equal("Zoë", Assert.Single(_fragments.All).Record["person"]!["name"]!["firstName"]!.GetValue<string>());
    }

    [Fact]
    public async Task PreparedRecords_SameOutcomeAsRawRecords_OneForAnotherTargetRefused()
    {
        // Arrange: a record of each outcome (stored, identity dropped, skipped, no primary, not an object)
        var raw = new[]
        {
            """{"_acme":{"crmId":"C1"},"personalEmail":{"address":"ann@acme.com"},"extSourceSystemAudit":{"lastUpdatedDate":"2025-02-01T00:00:00Z"}}""",
            """{"_acme":{"crmId":"C1"},"personalEmail":{"address":"null"},"identityMap":{"Nope":[{"id":"x"}]}}""",
            """{"_acme":{"crmId":"C2"},"identityMap":{"ECID":[{"id":"42"}]}}""",
            """{"personalEmail":{"address":"bob@acme.com"},"identityMap":{"Phone":[{"id":7}]}}""",
            """[1]""",
            """{not json""",
        }.Select(r => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(r)).ToList();
        var target = Target(CrmDataset, "b1", CrmFields);
        var reference = new ProfileIngestion(new FakeIdentityNamespaces(), new IdentityGraphService(new InMemoryIdentityGraphStore()), new InMemoryProfileFragmentStore(), new InMemoryExperienceEventStore());
        var expected = await reference.IngestAsync(target, raw, CancellationToken.None);

        // Act
        var result = await _sut.IngestAsync(target, [.. raw.Select(r => PreparedProfileRecord.Of(target, r))], CancellationToken.None);
        var other = () => _sut.IngestAsync(Target(CrmDataset, "b1", []), [PreparedProfileRecord.Of(target, raw[0])], CancellationToken.None);

        // Assert
        Assert.Equal(
            expected.Records.Select(r => (r.Link.Linked, r.Written, string.Join("|", r.Errors.Select(e => $"{e.Problem}:{e.IdentityProblem}:{e.Source}:{e.Message}")))),
            result.Records.Select(r => (r.Link.Linked, r.Written, string.Join("|", r.Errors.Select(e => $"{e.Problem}:{e.IdentityProblem}:{e.Source}:{e.Message}")))));
        var fragment = Assert.Single(_fragments.All);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero), fragment.LastUpdated);
        Assert.Equal(["C1"], _fragments.All.Select(f => f.PrimaryIdentity.Value));
        await Assert.ThrowsAsync<ArgumentException>(other);
    }

    [Fact]
    public void DataKind_FromTheSchemaClass()
    {
        // Act & Assert
        Assert.Equal(ProfileDataKind.ExperienceEvent, ProfileDataKinds.ForClass("https://ns.adobe.com/xdm/context/experienceevent"));
        Assert.Equal(ProfileDataKind.Record, ProfileDataKinds.ForClass("https://ns.adobe.com/xdm/context/profile"));
        Assert.Equal(ProfileDataKind.Record, ProfileDataKinds.ForClass(null));
    }

    private static ProfileIngestionTarget Target(string dataset, string batch, IReadOnlyList<XdmIdentityField> fields, ProfileDataKind kind = ProfileDataKind.Record, DateTimeOffset? at = null) =>
        new(dataset, batch, kind, IdentityEnabled: true, ProfileEnabled: true, fields, at ?? T0);

    private static List<JsonElement> Json(params string[] records) => [.. records.Select(r => JsonDocument.Parse(r).RootElement.Clone())];

    private static ProfileDataKind ProfileDataKindsForEvents => ProfileDataKinds.ForClass(ProfileDataKinds.ExperienceEventClass);

    private static Dataset EnabledDataset() => Dataset.Create(
        new TenantKey("A@AdobeOrg", "prod"),
        "sb",
        DatasetFields.Parse(JsonNode.Parse("""{"schemaRef":{"id":"s"},"tags":{"unifiedProfile":["enabled:true"],"unifiedIdentity":["enabled:true"]}}""")!.AsObject()),
        new CatalogAuthor("client", "user"),
        T0);

    private static List<string> Partition(IEnumerable<IdentityVertex> vertices) =>
        [.. vertices.GroupBy(v => v.GraphId, StringComparer.Ordinal)
            .Select(g => string.Join(" ", g.Select(v => v.Identity.ToString()).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];

    /// <summary>The in-memory graph store, counting mutations.</summary>
    private sealed class CountingGraphStore : IIdentityGraphStore
    {
        public InMemoryIdentityGraphStore Inner { get; } = new();

        public int Mutations { get; private set; }

        public Task<IdentityGraphState> LoadAsync(IdentityGraphScope scope, CancellationToken ct) => Inner.LoadAsync(scope, ct);

        public Task<IReadOnlyList<string>> GraphIdsLinkedByDatasetAsync(string datasetId, CancellationToken ct) => Inner.GraphIdsLinkedByDatasetAsync(datasetId, ct);

        public Task<IReadOnlyList<CompositeIdentity>> FindByXidsAsync(IReadOnlyCollection<string> xids, CancellationToken ct) => Inner.FindByXidsAsync(xids, ct);

        public Task<IReadOnlyList<ClusterHistoryEntry>> ClusterHistoryAsync(IReadOnlyCollection<string> xids, CancellationToken ct) => Inner.ClusterHistoryAsync(xids, ct);

        public Task<T> MutateAsync<T>(IdentityGraphScope scope, Func<IdentityGraphState, IdentityGraphMutation<T>> mutate, CancellationToken ct)
        {
            Mutations++;
            return Inner.MutateAsync(scope, mutate, ct);
        }
    }
}
