using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;
using ProfilePlatform.Domain.Tests.Fakes;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;

namespace ProfilePlatform.Domain.Tests.Profile;

/// <summary>The scenario, end to end through the domain: record A (email + CRM id) in dataset 1, record B
/// (CRM id + ECID) in dataset 2; a lookup by ECID under each policy gives the documented result.</summary>
public sealed class StitchingScenarioTests
{
    private const string CrmDataset = "5c8c3c555033b814b69f947f";
    private const string WebDataset = "5c8c3c555033b814b69f9480";
    private const string EcidValue = "89149270342662559642753730269986316602";
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Dataset 1's schema: CRM id is the primary identity field, the personal email a secondary one.</summary>
    private static readonly XdmIdentityField[] CrmSchemaIdentities =
    [
        new("d-crm", "/_acme/crmId", "CRMID", false, true),
        new("d-email", "/personalEmail/address", "Email", false, false),
    ];

    private static readonly CompositeIdentity Crm = new("CRMID", "60013ABC");
    private static readonly CompositeIdentity Email = new("Email", "ann@acme.com");
    private static readonly CompositeIdentity Ecid = new("ECID", EcidValue);

    private readonly IdentityExtractor _extractor = new(new FakeIdentityNamespaces());
    private readonly InMemoryIdentityGraphStore _graphStore = new();
    private readonly IdentityGraphService _graph;
    private readonly Dictionary<(string, CompositeIdentity), ProfileFragment> _fragments = [];

    public StitchingScenarioTests() => _graph = new IdentityGraphService(_graphStore);

    public static TheoryData<string, string, string[], string?, string?, string[]> Policies => new()
    {
        // identityGraph, attributeMerge, order, firstName, lastName, sources
        { IdentityGraphTypes.None, AttributeMergeTypes.TimestampOrdered, [], "Annie", null, [WebDataset] },
        { IdentityGraphTypes.Pdg, AttributeMergeTypes.TimestampOrdered, [], "Annie", "Lee", [WebDataset, CrmDataset] },
        { IdentityGraphTypes.Pdg, AttributeMergeTypes.DataSetPrecedence, [CrmDataset, WebDataset], "Ann", "Lee", [CrmDataset, WebDataset] },
        { IdentityGraphTypes.Pdg, AttributeMergeTypes.DataSetPrecedence, [CrmDataset], "Ann", "Lee", [CrmDataset] },
        { IdentityGraphTypes.None, AttributeMergeTypes.DataSetPrecedence, [WebDataset, CrmDataset], "Annie", null, [WebDataset] },
        { IdentityGraphTypes.None, AttributeMergeTypes.DataSetPrecedence, [CrmDataset], null, null, [] },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task LookupByEcid_EachPolicy_DocumentedResult(string graph, string attributeMerge, string[] order, string? firstName, string? lastName, string[] sources)
    {
        // Arrange
        await IngestBothRecordsAsync();
        var policy = Policy("mp", graph: graph, order: attributeMerge == AttributeMergeTypes.DataSetPrecedence ? order : []);

        // Act
        var profile = await LookupAsync(Ecid, policy);

        // Assert
        Assert.Equal(sources, profile.Sources);
        Assert.Equal(firstName, profile.Entity["person"]?["name"]?["firstName"]?.GetValue<string>());
        Assert.Equal(lastName, profile.Entity["person"]?["name"]?["lastName"]?.GetValue<string>());
        Assert.Equal(Ecid.Xid, profile.EntityId);
        if (sources.Length == 0)
        {
            Assert.Equal("""[""]""", profile.ToJson()["sources"]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Ingest_BothRecords_OneGraphWithTheLinksOfEachDataset()
    {
        // Act
        await IngestBothRecordsAsync();
        var view = await _graph.FindGraphAsync(Ecid, CancellationToken.None);

        // Assert
        Assert.Equal([Crm, Ecid, Email], view!.Members);
        Assert.Equal([CrmDataset], view.Links.Single(l => l.Key.Equals(IdentityLinkKey.Of(Crm, Email))).DatasetIds);
        Assert.Equal([WebDataset], view.Links.Single(l => l.Key.Equals(IdentityLinkKey.Of(Crm, Ecid))).DatasetIds);
        Assert.Equal(2, view.Links.Count);
    }

    [Fact]
    public async Task LookupByEcid_PdgTimestampOrdered_FullEntityAsTheApiReturnsIt()
    {
        // Arrange
        await IngestBothRecordsAsync();

        // Act
        var json = (await LookupAsync(Ecid, Policy("mp", graph: IdentityGraphTypes.Pdg))).ToJson(["person.name", "loyalty", "identities"]);

        // Assert
        Assert.Equal(
            """{"person":{"name":{"firstName":"Annie","lastName":"Lee"}},"loyalty":{"tier":"gold"},"identities":[{"id":"89149270342662559642753730269986316602","namespace":{"code":"ecid"},"primary":true},{"id":"60013ABC","namespace":{"code":"crmid"}},{"id":"ann@acme.com","namespace":{"code":"email"}}]}""",
            json["entity"]!.ToJsonString());
        Assert.Equal("2025-01-01T10:00:00Z", json["lastModifiedAt"]!.GetValue<string>());
        Assert.Equal("""["batch-web","batch-crm"]""", json["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task LookupBySecondaryEmail_NoneFindsNothing_PdgFindsTheStitchedProfile()
    {
        // Arrange
        await IngestBothRecordsAsync();

        // Act
        var none = await LookupAsync(Email, Policy("mp"));
        var pdg = await LookupAsync(Email, Policy("mp", graph: IdentityGraphTypes.Pdg));

        // Assert
        Assert.True(none.IsEmpty);
        Assert.Equal([WebDataset, CrmDataset], pdg.Sources);
    }

    [Fact]
    public async Task DeletingTheWebDataset_UnstitchesTheEcid()
    {
        // Arrange
        await IngestBothRecordsAsync();

        // Act
        var removed = await _graph.RemoveDatasetAsync(WebDataset, CancellationToken.None);
        _fragments.Remove((WebDataset, Ecid));
        var byEcid = await LookupAsync(Ecid, Policy("mp", graph: IdentityGraphTypes.Pdg));
        var byCrm = await LookupAsync(Crm, Policy("mp", graph: IdentityGraphTypes.Pdg));

        // Assert
        Assert.Equal(1, removed);
        Assert.True(byEcid.IsEmpty);
        Assert.Equal([CrmDataset], byCrm.Sources);
        Assert.Null(await _graph.FindGraphAsync(Ecid, CancellationToken.None));
    }

    [Fact]
    public async Task SecondRecordForTheSameCrmPrimary_UpdatesItsFragmentFieldByField()
    {
        // Arrange
        await IngestBothRecordsAsync();

        // Act
        await IngestAsync(CrmDataset, "batch-crm-2", """{"_acme":{"crmId":"60013ABC"},"person":{"name":{"lastName":"Lee-Smith"}}}""", CrmSchemaIdentities, T0.AddHours(2));
        var profile = await LookupAsync(Crm, Policy("mp"));

        // Assert
        Assert.Equal("Ann", profile.Entity["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Lee-Smith", profile.Entity["person"]!["name"]!["lastName"]!.GetValue<string>());
        Assert.Equal(["batch-crm-2"], profile.Tags);
    }

    private async Task IngestBothRecordsAsync()
    {
        await IngestAsync(
            CrmDataset,
            "batch-crm",
            """{"_acme":{"crmId":"60013ABC"},"personalEmail":{"address":"ann@acme.com"},"person":{"name":{"firstName":"Ann","lastName":"Lee"}}}""",
            CrmSchemaIdentities,
            T0);
        await IngestAsync(
            WebDataset,
            "batch-web",
            $$$"""{"identityMap":{"CRMID":[{"id":"60013ABC"}],"ECID":[{"id":"{{{EcidValue}}}","primary":true}]},"person":{"name":{"firstName":"Annie"}},"loyalty":{"tier":"gold"}}""",
            [],
            T0.AddHours(1));
    }

    /// <summary>What ingestion does with one record of a Profile- and Identity-enabled record dataset.</summary>
    private async Task IngestAsync(string dataset, string batch, string json, IReadOnlyList<XdmIdentityField> fields, DateTimeOffset at)
    {
        using var document = JsonDocument.Parse(json);
        var extraction = await _extractor.ExtractAsync(document.RootElement, fields, CancellationToken.None);
        Assert.False(extraction.IsRecordSkipped);
        await _graph.LinkAsync(new IdentityLinkRequest(extraction.LinkableIdentities, new LinkSource(dataset, batch, at)), CancellationToken.None);
        var primary = extraction.Primary!.Identity;
        var identities = extraction.Identities.Select(i => i.Identity).ToList();
        var record = JsonNode.Parse(json)!.AsObject();
        _fragments[(dataset, primary)] = _fragments.TryGetValue((dataset, primary), out var existing)
            ? existing.Upsert(batch, identities, record, at)
            : ProfileFragment.Create(dataset, batch, primary, identities, record, at);
    }

    /// <summary>What the entities API does: resolve the graph, load the candidate fragments, merge.</summary>
    private async Task<MergedProfile> LookupAsync(CompositeIdentity identity, MergePolicy policy)
    {
        var lookup = new ProfileLookup(identity, await _graph.RelatedIdentitiesAsync(identity, CancellationToken.None));
        var wanted = lookup.IdentitiesFor(policy);
        return ProfileMerger.Merge(lookup, _fragments.Values.Where(f => wanted.Contains(f.PrimaryIdentity)), policy);
    }
}
