using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.MergePolicies;
using static ProfilePlatform.Domain.Tests.Profile.MergePolicies.MergePolicyTestData;
using static ProfilePlatform.Domain.Tests.Profile.RecordMergeTests;

namespace ProfilePlatform.Domain.Tests.Profile;

public sealed class ProfileMergerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CompositeIdentity Crm = new("CRMID", "C1");
    private static readonly CompositeIdentity Email = new("Email", "jane@acme.com");
    private static readonly CompositeIdentity Ecid = new("ECID", "89149270342662559642753730269986316602");
    private static readonly ProfileLookup ByCrm = new(Crm, [Crm, Email, Ecid]);

    private static readonly MergePolicy TimestampPdg = Policy("ts-pdg", graph: IdentityGraphTypes.Pdg);
    private static readonly MergePolicy TimestampNone = Policy("ts-none");

    [Fact]
    public void Merge_TimestampOrdered_MostRecentWinsPerAttributeOthersFillGaps()
    {
        // Arrange
        var older = Fragment("ds1", Crm, """{"person":{"name":{"firstName":"Jane","lastName":"Doe"}},"loyalty":{"tier":"gold"}}""", minute: 1);
        var newer = Fragment("ds2", Crm, """{"person":{"name":{"firstName":"Janet"}},"homeAddress":{"city":"Paris"}}""", minute: 2);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [older, newer], TimestampNone);

        // Assert
        Assert.Equal("Janet", profile.Entity["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Doe", profile.Entity["person"]!["name"]!["lastName"]!.GetValue<string>());
        Assert.Equal("gold", profile.Entity["loyalty"]!["tier"]!.GetValue<string>());
        Assert.Equal("Paris", profile.Entity["homeAddress"]!["city"]!.GetValue<string>());
        Assert.Equal(["ds2", "ds1"], profile.Sources);
    }

    [Fact]
    public void Merge_TimestampOrdered_RecordsOwnLastUpdatedDateOverridesIngestionTime()
    {
        // Arrange: ds2 was ingested later but says its data is from 2020; ds1 says 2024
        var fresh = Fragment("ds1", Crm, """{"person":{"gender":"female"},"extSourceSystemAudit":{"lastUpdatedDate":"2024-06-01T00:00:00Z"}}""", minute: 1);
        var backfill = Fragment("ds2", Crm, """{"person":{"gender":"not_specified"},"extSourceSystemAudit":{"lastUpdatedDate":"2020-06-01T00:00:00Z"}}""", minute: 50);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [fresh, backfill], TimestampNone);

        // Assert
        Assert.Equal("female", profile.Entity["person"]!["gender"]!.GetValue<string>());
        Assert.Equal("2024-06-01T00:00:00Z", profile.Entity["extSourceSystemAudit"]!["lastUpdatedDate"]!.GetValue<string>());
        Assert.Equal(["ds1", "ds2"], profile.Sources);
    }

    [Fact]
    public void Merge_TimestampOrdered_AuditDateOnOneSideOnly_ComparedWithTheOthersIngestionTime()
    {
        // Arrange: a's own date (T0 + 30 min) is newer than b's ingestion time (T0 + 20 min)
        var a = Fragment("ds1", Crm, """{"x":"a","extSourceSystemAudit":{"lastUpdatedDate":"2025-01-01T00:30:00Z"}}""", minute: 1);
        var b = Fragment("ds2", Crm, """{"x":"b"}""", minute: 20);

        // Act / Assert
        Assert.Equal("a", ProfileMerger.Merge(ByCrm, [a, b], TimestampNone).Entity["x"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_DataSetPrecedence_OrderWinsOverRecencyAndUnlistedDatasetsAreNotMerged()
    {
        // Arrange
        var crm = Fragment("crm", Crm, """{"person":{"name":{"firstName":"Danny"}},"a":1}""", minute: 50);
        var loyalty = Fragment("loyalty", Crm, """{"person":{"name":{"firstName":"Daniel","lastName":"Smith"}}}""", minute: 1);
        var web = Fragment("web", Crm, """{"b":2}""", minute: 99);
        var policy = Policy("prec", order: ["loyalty", "crm"]);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [crm, loyalty, web], policy);

        // Assert
        Assert.Equal("""{"person":{"name":{"firstName":"Daniel","lastName":"Smith"}},"a":1}""", Without(profile.Entity, "identities"));
        Assert.Equal(["loyalty", "crm"], profile.Sources);
    }

    [Fact]
    public void Merge_DataSetPrecedence_NoListedDatasetHasData_EmptyProfile()
    {
        // Act
        var profile = ProfileMerger.Merge(ByCrm, [Fragment("web", Crm, """{"b":2}""", 1)], Policy("prec", order: ["loyalty"]));

        // Assert
        Assert.True(profile.IsEmpty);
    }

    [Fact]
    public void Merge_None_OnlyFragmentsStoredAgainstTheRequestedIdentity()
    {
        // Arrange
        var own = Fragment("ds1", Crm, """{"a":"own"}""", 1);
        var emailOnes = Fragment("ds2", Email, """{"a":"email","b":"email"}""", 5);

        // Act
        var none = ProfileMerger.Merge(ByCrm, [own, emailOnes], TimestampNone);
        var pdg = ProfileMerger.Merge(ByCrm, [own, emailOnes], TimestampPdg);

        // Assert
        Assert.Equal("""{"a":"own"}""", Without(none.Entity, "identities"));
        Assert.Equal("""{"a":"email","b":"email"}""", Without(pdg.Entity, "identities"));
        Assert.Equal([Crm.Xid], none.IdentityGraph);
        Assert.Equal(new[] { Crm, Ecid, Email }.Select(i => i.Xid), pdg.IdentityGraph);
    }

    [Fact]
    public void Merge_Pdg_FragmentsOfIdentitiesOutsideTheGraphIgnored()
    {
        // Arrange
        var stranger = Fragment("ds1", new CompositeIdentity("CRMID", "OTHER"), """{"a":"stranger"}""", 9);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [stranger], TimestampPdg);

        // Assert
        Assert.True(profile.IsEmpty);
    }

    [Fact]
    public void Merge_Ties_DecidedByDatasetIdThenXidWhateverTheInputOrder()
    {
        // Arrange: same timestamps everywhere
        var a = Fragment("ds-a", Crm, """{"x":"from ds-a"}""", 1);
        var b = Fragment("ds-b", Crm, """{"x":"from ds-b","y":"b"}""", 1);
        var emailFragment = Fragment("ds-a", Email, """{"x":"from email","z":"e"}""", 1);
        var expectedFirst = new[] { Crm, Email }.MinBy(i => i.Xid, StringComparer.Ordinal) == Crm ? "from ds-a" : "from email";

        // Act
        var results = new[]
        {
            ProfileMerger.Merge(ByCrm, [a, b, emailFragment], TimestampPdg),
            ProfileMerger.Merge(ByCrm, [emailFragment, b, a], TimestampPdg),
            ProfileMerger.Merge(ByCrm, [b, emailFragment, a], TimestampPdg),
        };

        // Assert
        Assert.All(results, r => Assert.Equal(results[0].ToJson().ToJsonString(), r.ToJson().ToJsonString()));
        Assert.Equal(expectedFirst, results[0].Entity["x"]!.GetValue<string>());
        Assert.Equal("b", results[0].Entity["y"]!.GetValue<string>());
        Assert.Equal("e", results[0].Entity["z"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_LeavesTheFragmentsUnchanged_AndToJsonAnswersTheSameTwice()
    {
        // Arrange: the merge builds its entity in place and the first answer takes it without a copy
        var older = Fragment("ds1", Crm, """{"person":{"name":{"firstName":"Jane","lastName":"Doe"}},"identityMap":{"CRMID":[{"id":"C1"}]}}""", 1);
        var newer = Fragment("ds2", Crm, """{"person":{"name":{"firstName":"Janet"}},"identityMap":{"crmid":[{"id":"C2"}]}}""", 2);
        var olderBefore = older.RecordJson;
        var newerBefore = newer.RecordJson;

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [older, newer], TimestampNone);
        var first = profile.ToJson();
        first["entity"]!["person"]!["name"]!["firstName"] = "changed by a caller";
        var second = profile.ToJson();
        var again = ProfileMerger.Merge(ByCrm, [older, newer], TimestampNone).ToJson();

        // Assert
        Assert.Equal(olderBefore, older.RecordJson);
        Assert.Equal(newerBefore, newer.RecordJson);
        Assert.Equal("Janet", again["entity"]!["person"]!["name"]!["firstName"]!.GetValue<string>());
        Assert.Equal("Doe", again["entity"]!["person"]!["name"]!["lastName"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.NotSame(first["entity"], second["entity"]);
    }

    [Fact]
    public void Merge_ArraysFromTheWinnerWhole_NullsNeverWin_MapsMergeByKey()
    {
        // Arrange
        var older = Fragment("ds1", Crm, """{"phones":[{"n":"1"},{"n":"2"}],"consents":{"marketing":{"email":{"val":"y"}}},"gender":"female"}""", 1);
        var newer = Fragment("ds2", Crm, """{"phones":[{"n":"3"}],"consents":{"marketing":{"sms":{"val":"n"}}},"gender":null}""", 2);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [older, newer], TimestampNone);

        // Assert
        Assert.Equal("""[{"n":"3"}]""", profile.Entity["phones"]!.ToJsonString());
        Assert.Equal("""{"marketing":{"email":{"val":"y"},"sms":{"val":"n"}}}""", profile.Entity["consents"]!.ToJsonString());
        Assert.Equal("female", profile.Entity["gender"]!.GetValue<string>());
    }

    [Fact]
    public void Merge_IdentityMapsUnitedAcrossFragments()
    {
        // Arrange
        var a = Fragment("ds1", Crm, """{"identityMap":{"CRMID":[{"id":"C1","primary":true}],"Email":[{"id":"jane@acme.com"}]}}""", 1);
        var b = Fragment("ds2", Ecid, """{"identityMap":{"ECID":[{"id":"89149270342662559642753730269986316602","primary":true}],"CRMID":[{"id":"C1"}]}}""", 2);

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [a, b], TimestampPdg);

        // Assert
        Assert.Equal(
            """{"CRMID":[{"id":"C1"}],"Email":[{"id":"jane@acme.com"}],"ECID":[{"id":"89149270342662559642753730269986316602","primary":true}]}""",
            profile.Entity["identityMap"]!.ToJsonString());
    }

    [Fact]
    public void Merge_Identities_FragmentIdentitiesInPriorityOrderThenGraphMembersWinnerPrimaryFlagged()
    {
        // Arrange
        var winner = Fragment("ds2", Ecid, "{}", 5);
        var other = Fragment("ds1", Crm, "{}", 1, Email);
        var phone = new CompositeIdentity("Phone", "+1");

        // Act
        var profile = ProfileMerger.Merge(new ProfileLookup(Crm, [Crm, Ecid, Email, phone]), [other, winner], TimestampPdg);

        // Assert
        Assert.Equal(
            """[{"id":"89149270342662559642753730269986316602","namespace":{"code":"ecid"},"primary":true},{"id":"C1","namespace":{"code":"crmid"}},{"id":"jane@acme.com","namespace":{"code":"email"}},{"id":"\u002B1","namespace":{"code":"phone"}}]""",
            profile.Entity["identities"]!.ToJsonString());
    }

    [Fact]
    public void ToJson_TheEntitiesApiShape()
    {
        // Arrange
        var a = Fragment("ds1", Crm, """{"person":{"name":{"firstName":"Jane"}},"workEmail":{"address":"jane@acme.com"}}""", 1, batch: "b1");
        var b = Fragment("ds2", Email, """{"person":{"gender":"female"}}""", 3, batch: "b7");

        // Act
        var profile = ProfileMerger.Merge(ByCrm, [a, b], TimestampPdg);
        var json = profile.ToJson();

        // Assert
        Assert.Equal(Crm.Xid, profile.EntityId);
        Assert.Equal(
            ["entityId", "sources", "tags", "identityGraph", "mergePolicy", "entity", "lastModifiedAt"],
            json.Select(p => p.Key));
        Assert.Equal(Crm.Xid, json["entityId"]!.GetValue<string>());
        Assert.Equal("""["ds2","ds1"]""", json["sources"]!.ToJsonString());
        Assert.Equal("""["b7","b1"]""", json["tags"]!.ToJsonString());
        Assert.Equal("""{"id":"ts-pdg"}""", json["mergePolicy"]!.ToJsonString());
        Assert.Equal("2025-01-01T00:03:00Z", json["lastModifiedAt"]!.GetValue<string>());
        Assert.Equal(3, json["identityGraph"]!.AsArray().Count);
    }

    [Fact]
    public void ToJson_Fields_ProjectsEntityOnly()
    {
        // Arrange
        var a = Fragment("ds1", Crm, """{"person":{"name":{"firstName":"Jane","lastName":"Doe"},"gender":"female"},"workEmail":{"address":"jane@acme.com"},"phones":[{"n":"1","t":"home"},{"n":"2"}]}""", 1);
        var profile = ProfileMerger.Merge(ByCrm, [a], TimestampNone);

        // Act
        var entity = profile.ToJson(["person.name", "workEmail", "phones.n", "does.not.exist"])["entity"]!;

        // Assert
        Assert.Equal("""{"person":{"name":{"firstName":"Jane","lastName":"Doe"}},"workEmail":{"address":"jane@acme.com"},"phones":[{"n":"1"},{"n":"2"}]}""", entity.ToJsonString());
        Assert.Equal("""[{"id":"C1","namespace":{"code":"crmid"},"primary":true}]""", profile.ToJson(["identities"])["entity"]!["identities"]!.ToJsonString());
    }

    [Fact]
    public void ToJson_NoFragments_TheDocsEmptyShape()
    {
        // Act
        var json = ProfileMerger.Merge(ByCrm, [], TimestampPdg).ToJson();

        // Assert
        Assert.Equal($$"""{"entityId":"{{Crm.Xid}}","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}""", json.ToJsonString());
    }

    [Fact]
    public void ToJson_NoPolicyId_NoMergePolicyField()
    {
        // Act
        var json = ProfileMerger.Merge(ByCrm, [Fragment("ds1", Crm, "{}", 1)], MergePolicy.NoStitching(Org, Prod, MergePolicy.ProfileClass)).ToJson();

        // Assert
        Assert.Null(json["mergePolicy"]);
    }

    [Fact]
    public void Merge_DuplicateFragmentKeysPassedIn_LatestIngestionUsed()
    {
        // Arrange
        var stale = Fragment("ds1", Crm, """{"x":"stale"}""", 1);
        var current = Fragment("ds1", Crm, """{"x":"current"}""", 2);

        // Act / Assert
        Assert.Equal("current", ProfileMerger.Merge(ByCrm, [current, stale], TimestampNone).Entity["x"]!.GetValue<string>());
        Assert.Equal(["ds1"], ProfileMerger.Merge(ByCrm, [current, stale], TimestampNone).Sources);
    }

    [Fact]
    public void Events_StitchedDedupedFilteredAndInTimeOrder()
    {
        // Arrange
        ExperienceEvent[] events =
        [
            Event("web", "e3", Ecid, "2025-01-03T00:00:00Z", ingested: 1),
            Event("web", "e1", Crm, "2025-01-01T00:00:00Z", ingested: 1),
            Event("web", "e1", Crm, "2025-01-01T00:00:00Z", ingested: 5, page: "corrected"),
            Event("app", "e2", Email, "2025-01-02T00:00:00Z", ingested: 1),
            Event("web", "e9", new CompositeIdentity("ECID", "99999999999999999999999999999999999999"), "2025-01-01T00:00:00Z", ingested: 1),
        ];

        // Act
        var pdg = ProfileMerger.Events(ByCrm, events, TimestampPdg);
        var none = ProfileMerger.Events(ByCrm, events, TimestampNone);
        var precedence = ProfileMerger.Events(ByCrm, events, Policy("p", graph: IdentityGraphTypes.Pdg, order: ["web"]));

        // Assert
        Assert.Equal(["e1", "e2", "e3"], pdg.Select(e => e.EventId));
        Assert.Equal("corrected", pdg[0].Record["page"]!.GetValue<string>());
        Assert.Equal(["e1"], none.Select(e => e.EventId));
        Assert.Equal(["e1", "e3"], precedence.Select(e => e.EventId));
    }

    private static ProfileFragment Fragment(string dataset, CompositeIdentity primary, string record, int minute, params CompositeIdentity[] identities) =>
        ProfileFragment.Create(dataset, $"batch-{dataset}-{minute}", primary, identities, Obj(record), T0.AddMinutes(minute));

    private static ProfileFragment Fragment(string dataset, CompositeIdentity primary, string record, int minute, string batch) =>
        ProfileFragment.Create(dataset, batch, primary, [], Obj(record), T0.AddMinutes(minute));

    private static ExperienceEvent Event(string dataset, string id, CompositeIdentity primary, string timestamp, int ingested, string page = "home") =>
        ExperienceEvent.Create(dataset, "b", primary, [], Obj($$"""{"_id":"{{id}}","timestamp":"{{timestamp}}","page":"{{page}}"}"""), T0.AddMinutes(ingested));

    private static string Without(JsonObject entity, string field)
    {
        var copy = (JsonObject)entity.DeepClone();
        copy.Remove(field);
        return copy.ToJsonString();
    }
}
