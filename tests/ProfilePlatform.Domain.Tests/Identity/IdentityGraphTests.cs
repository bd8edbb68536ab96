using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using static ProfilePlatform.Domain.Tests.Identity.GraphTestData;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityGraphTests
{
    [Fact]
    public void Link_TwoIdentities_OneGraphOneLinkWithProvenance()
    {
        // Arrange
        var sut = Empty();

        // Act
        var outcome = sut.Link([Email("a@x.y"), Crm("C1")], At(5, "ds1", "b1"));

        // Assert
        Assert.True(outcome.Linked);
        Assert.Equal("g1", outcome.GraphId);
        Assert.Equal(["CRMID:C1", "Email:a@x.y"], outcome.Members.Select(m => m.ToString()));
        Assert.Empty(outcome.Evicted);
        var link = Assert.Single(sut.Links);
        Assert.Equal(T0.AddMinutes(5), link.FirstEstablished);
        Assert.Equal(T0.AddMinutes(5), link.LastEstablished);
        Assert.Equal([new LinkSource("ds1", "b1", T0.AddMinutes(5))], link.Sources);
        Assert.All(sut.Vertices, v => Assert.Equal(T0.AddMinutes(5), v.LastUpdated));
        Assert.Equal(IdentityTypes.CrossDevice, sut.Vertices.Single(v => v.Identity.Namespace == "CRMID").IdType);
    }

    [Fact]
    public void Link_ThreeIdentities_EveryPairLinked()
    {
        // Arrange
        var sut = Empty();

        // Act
        sut.Link([Email("a"), Crm("C1"), Ecid("E1")], At(0));

        // Assert
        Assert.Equal(3, sut.Links.Count);
        Assert.Single(sut.Components());
    }

    [Fact]
    public void Link_OneLinkableIdentity_NothingStored()
    {
        // Arrange
        var sut = Empty();

        // Act
        var single = sut.Link([Email("a")], At(0));
        var duplicate = sut.Link([Email("a"), Email("a")], At(0));
        var nonPeople = sut.Link([Email("a"), Sku("sku-1")], At(0));

        // Assert
        Assert.All([single, duplicate, nonPeople], o => Assert.Same(LinkOutcome.NotLinked, o));
        Assert.Empty(sut.Vertices);
        Assert.True(sut.Changes().IsEmpty);
    }

    [Fact]
    public void Link_NonPeopleIdentityInRecord_LeftOutOfTheGraph()
    {
        // Arrange
        var sut = Empty();

        // Act
        var outcome = sut.Link([Email("a"), Crm("C1"), Sku("sku-1")], At(0));

        // Assert
        Assert.Equal(2, outcome.Members.Count);
        Assert.DoesNotContain(sut.Vertices, v => v.Identity.Namespace == "SKU");
    }

    [Fact]
    public void Link_SharedIdentity_GraphsCollapseTransitively()
    {
        // Arrange: the linking-logic doc's example — {Phone, Email, CRM} then {CRM, ECID}
        var sut = Empty();
        sut.Link([new GraphIdentity(new CompositeIdentity("Phone", "555-555-1234"), IdentityTypes.Phone), Email("julien@acme.com"), Crm("60013ABC")], At(0));
        sut.Link([Ecid("1"), Idfa("D1")], At(1));

        // Act
        var outcome = sut.Link([Crm("60013ABC"), Ecid("1")], At(2));

        // Assert
        Assert.Equal(5, outcome.Members.Count);
        Assert.Single(sut.Components());
        Assert.Single(sut.Vertices.Select(v => v.GraphId).Distinct());
        Assert.Equal("g1", outcome.GraphId);
    }

    [Fact]
    public void Link_SameRecordAgain_RefreshesTimestampsAndKeepsEachOrigin()
    {
        // Arrange
        var sut = Empty();
        sut.Link([Email("a"), Crm("C1")], At(1, "ds1", "b1"));

        // Act
        sut.Link([Email("a"), Crm("C1")], At(7, "ds2", "b9"));
        sut.Link([Email("a"), Crm("C1")], At(3, "ds1", "b1"));

        // Assert
        var link = Assert.Single(sut.Links);
        Assert.Equal(T0.AddMinutes(1), link.FirstEstablished);
        Assert.Equal(T0.AddMinutes(7), link.LastEstablished);
        Assert.Equal([new LinkSource("ds1", "b1", T0.AddMinutes(3)), new LinkSource("ds2", "b9", T0.AddMinutes(7))], link.Sources);
        Assert.Equal(["ds1", "ds2"], link.DatasetIds);
        Assert.All(sut.Vertices, v => Assert.Equal(T0.AddMinutes(7), v.LastUpdated));
    }

    [Fact]
    public void Link_MergingStoredGraphs_KeepsSmallerIdAndWritesOnlyWhatChanged()
    {
        // Arrange: two stored graphs, g7 {a, C1} and g3 {E1, D1}, and one untouched node
        var stored = Empty(prefix: "x");
        stored.Link([Email("a"), Crm("C1")], At(0));
        stored.Link([Ecid("E1"), Idfa("D1")], At(0));
        var state = new IdentityGraphState(
            [.. stored.Vertices.Select(v => v with { GraphId = v.Identity.Namespace is "Email" or "CRMID" ? "g7" : "g3" })],
            [.. stored.Links]);
        var sut = new IdentityGraph(state, Ids("new"));

        // Act
        var outcome = sut.Link([Crm("C1"), Ecid("E1")], At(10));
        var changes = sut.Changes();

        // Assert
        Assert.Equal("g3", outcome.GraphId);
        Assert.All(sut.Vertices, v => Assert.Equal("g3", v.GraphId));
        Assert.Equal(["CRMID:C1", "ECID:E1", "Email:a"], changes.UpsertedVertices.Select(v => v.Identity.ToString()));
        Assert.Equal(T0, changes.UpsertedVertices.Single(v => v.Identity.Namespace == "Email").LastUpdated);
        var newLink = Assert.Single(changes.UpsertedLinks);
        Assert.Equal(IdentityLinkKey.Of(new CompositeIdentity("ECID", "E1"), new CompositeIdentity("CRMID", "C1")), newLink.Key);
        Assert.Empty(changes.RemovedVertices);
        Assert.Empty(changes.RemovedLinks);
    }

    [Fact]
    public void Changes_NothingDone_Empty()
    {
        // Arrange
        var stored = Empty();
        stored.Link([Email("a"), Crm("C1")], At(0));
        var sut = new IdentityGraph(new IdentityGraphState([.. stored.Vertices], [.. stored.Links]), Ids());

        // Act / Assert
        Assert.True(sut.Changes().IsEmpty);
        Assert.False(sut.DeleteIdentity(Email("nobody").Identity));
        Assert.True(sut.Changes().IsEmpty);
    }

    [Fact]
    public void Constructor_LinkToAnIdentityNotLoaded_Throws()
    {
        // Arrange
        var link = IdentityLink.Establish(IdentityLinkKey.Of(Email("a").Identity, Crm("C1").Identity), At(0));
        var state = new IdentityGraphState([new IdentityVertex(Email("a").Identity, IdentityTypes.Email, "g1", T0)], [link]);

        // Act / Assert
        var ex = Assert.Throws<ArgumentException>(() => new IdentityGraph(state, Ids()));
        Assert.Contains("not a complete graph", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinkKey_SelfLink_Throws()
    {
        // Act / Assert
        Assert.Throws<ArgumentException>(() => IdentityLinkKey.Of(new CompositeIdentity("Email", "a"), new CompositeIdentity("EMAIL", "a")));
    }

    [Fact]
    public void Cap_FullGraphTakesNewIdentity_OldestCookieDeletedBeforeOlderDevicesAndPeople()
    {
        // Arrange: CRM hub + 19 emails (oldest), 10 devices, 20 cookies (newest) = 50
        var sut = Empty();
        var minute = 0;
        for (var i = 0; i < 19; i++)
        {
            sut.Link([Crm("HUB"), Email($"e{i}")], At(minute++));
        }

        for (var i = 0; i < 10; i++)
        {
            sut.Link([Crm("HUB"), Idfa($"d{i}")], At(minute++));
        }

        for (var i = 0; i < 20; i++)
        {
            sut.Link([Crm("HUB"), Ecid($"c{i}")], At(minute++));
        }

        Assert.Equal(50, sut.Vertices.Count);

        // Act
        var outcome = sut.Link([Crm("HUB"), Ecid("new")], At(minute));

        // Assert
        Assert.Equal([new CompositeIdentity("ECID", "c0")], outcome.Evicted);
        Assert.Equal(50, outcome.Members.Count);
        Assert.Contains(new CompositeIdentity("ECID", "new"), outcome.Members);
        Assert.DoesNotContain(sut.Links, l => l.Key.First.Value == "c0" || l.Key.Second.Value == "c0");
    }

    [Fact]
    public void Cap_PartnerIdsGoFirstEvenWhenNewest_ThenDevicesOnceNoCookieLeft()
    {
        // Arrange: hub + 47 emails + 1 device (oldest) + 1 partner (newest) = 50
        var sut = Empty();
        sut.Link([Crm("HUB"), Idfa("d0")], At(0));
        for (var i = 0; i < 47; i++)
        {
            sut.Link([Crm("HUB"), Email($"e{i}")], At(1 + i));
        }

        sut.Link([Crm("HUB"), Partner("p0")], At(100));

        // Act
        var first = sut.Link([Crm("HUB"), Email("n1")], At(101));
        var second = sut.Link([Crm("HUB"), Email("n2")], At(102));
        var third = sut.Link([Crm("HUB"), Email("n3")], At(103));

        // Assert
        Assert.Equal("PartnerX:p0", Assert.Single(first.Evicted).ToString());
        Assert.Equal("IDFA:d0", Assert.Single(second.Evicted).ToString());
        Assert.Equal("Email:e0", Assert.Single(third.Evicted).ToString());
        Assert.Equal(50, sut.Vertices.Count);
    }

    [Fact]
    public void Cap_SameTypeAndTimestamp_SmallerXidDeletedFirst()
    {
        // Arrange: hub + 47 emails (newer) + two cookies established in the same record = 50
        var sut = Empty();
        sut.Link([Crm("HUB"), Ecid("x"), Ecid("y")], At(0));
        for (var i = 0; i < 47; i++)
        {
            sut.Link([Crm("HUB"), Email($"e{i}")], At(1 + i));
        }

        var expected = new[] { Ecid("x").Identity, Ecid("y").Identity }.MinBy(i => i.Xid, StringComparer.Ordinal);

        // Act
        var outcome = sut.Link([Crm("HUB"), Email("new")], At(100));

        // Assert
        Assert.Equal([expected!], outcome.Evicted);
    }

    [Fact]
    public void Cap_RecordIdentitiesAreNeverTheOnesDeleted()
    {
        // Arrange: hub + 49 cookies, c0 oldest; the new record carries c0 again
        var sut = Empty();
        for (var i = 0; i < 49; i++)
        {
            sut.Link([Crm("HUB"), Ecid($"c{i}")], At(i));
        }

        // Act
        var outcome = sut.Link([Crm("HUB"), Ecid("c0"), Email("new")], At(100));

        // Assert
        Assert.Equal("ECID:c1", Assert.Single(outcome.Evicted).ToString());
        Assert.Contains(Ecid("c0").Identity, outcome.Members);
    }

    [Fact]
    public void Cap_DeletedIdentityWasABridge_GraphSplitsAndTheSmallerPieceGetsANewId()
    {
        // Arrange: left {L-hub + 9 emails} - bridge cookie - right {R-hub + 38 emails} = 50
        var sut = Empty();
        for (var i = 0; i < 9; i++)
        {
            sut.Link([Email("L-hub"), Email($"l{i}")], At(10));
        }

        for (var i = 0; i < 38; i++)
        {
            sut.Link([Email("R-hub"), Email($"r{i}")], At(10));
        }

        sut.Link([Email("L-hub"), Ecid("bridge")], At(1));
        sut.Link([Email("R-hub"), Ecid("bridge")], At(1));
        var before = sut.Vertices.Select(v => v.GraphId).Distinct().Single();

        // Act
        var outcome = sut.Link([Email("R-hub"), Email("new")], At(20));

        // Assert
        Assert.Equal("ECID:bridge", Assert.Single(outcome.Evicted).ToString());
        Assert.Equal(40, outcome.Members.Count);
        Assert.Equal(before, outcome.GraphId);
        var components = sut.Components();
        Assert.Equal([10, 40], components.Select(c => c.Count).Order());
        var leftId = sut.Vertices.Single(v => v.Identity.Value == "L-hub").GraphId;
        Assert.NotEqual(before, leftId);
        Assert.All(sut.Vertices.Where(v => v.Identity.Value.StartsWith('l')), v => Assert.Equal(leftId, v.GraphId));
    }

    [Fact]
    public void Cap_TwoGraphsMergePastTheCap_DeletesUntilFiftyInDeletionOrder()
    {
        // Arrange: graph A = CRM A + 29 cookies, graph B = CRM B + 29 emails
        var sut = Empty();
        for (var i = 0; i < 29; i++)
        {
            sut.Link([Crm("A"), Ecid($"c{i:D2}")], At(i));
            sut.Link([Crm("B"), Email($"e{i:D2}")], At(i));
        }

        // Act
        var outcome = sut.Link([Crm("A"), Crm("B")], At(100));

        // Assert
        Assert.Equal(50, outcome.Members.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"ECID:c{i:D2}"), outcome.Evicted.Select(e => e.ToString()));
        Assert.Single(sut.Components());
    }

    [Fact]
    public void Cap_SmallTestCap_RecordLargerThanCapIsKeptWhole()
    {
        // Arrange
        var sut = Empty(cap: 3);

        // Act
        var outcome = sut.Link([Email("a"), Email("b"), Email("c"), Email("d")], At(0));

        // Assert
        Assert.Equal(4, outcome.Members.Count);
        Assert.Empty(outcome.Evicted);
    }

    [Fact]
    public void RemoveDataset_LinkSupportedByAnotherDatasetStays_OthersGoWithOrphans()
    {
        // Arrange
        var stored = Empty();
        stored.Link([Email("a"), Crm("B")], At(1, "ds1"));
        stored.Link([Email("a"), Crm("B")], At(2, "ds2"));
        stored.Link([Crm("B"), Ecid("C")], At(3, "ds1"));
        var sut = new IdentityGraph(new IdentityGraphState([.. stored.Vertices], [.. stored.Links]), Ids());

        // Act
        var removed = sut.RemoveDataset("ds1");

        // Assert
        Assert.Equal(1, removed);
        var link = Assert.Single(sut.Links);
        Assert.Equal(["ds2"], link.DatasetIds);
        Assert.Equal(T0.AddMinutes(2), link.LastEstablished);
        Assert.Equal(["CRMID:B", "Email:a"], sut.Vertices.Select(v => v.Identity.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["ECID:C"], sut.Changes().RemovedVertices.Select(v => v.ToString()));
    }

    [Fact]
    public void RemoveDataset_BridgeLinkOnlyFromThatDataset_GraphSplitsInTwo()
    {
        // Arrange
        var sut = Empty();
        sut.Link([Email("a"), Email("b")], At(1, "ds2"));
        sut.Link([Email("b"), Email("c")], At(1, "ds1"));
        sut.Link([Email("c"), Email("d")], At(1, "ds2"));

        // Act
        sut.RemoveDataset("ds1");

        // Assert
        Assert.Equal(["Email:a Email:b", "Email:c Email:d"], Partition(sut.Vertices));
        Assert.Equal(2, sut.Vertices.Select(v => v.GraphId).Distinct().Count());
    }

    [Fact]
    public void RemoveDataset_EveryLinkFromIt_WholeGraphRemoved()
    {
        // Arrange
        var stored = Empty();
        stored.Link([Email("a"), Crm("B"), Ecid("C")], At(1, "ds1"));
        var sut = new IdentityGraph(new IdentityGraphState([.. stored.Vertices], [.. stored.Links]), Ids());

        // Act
        var removed = sut.RemoveDataset("ds1");

        // Assert
        Assert.Equal(3, removed);
        Assert.Empty(sut.Vertices);
        var changes = sut.Changes();
        Assert.Equal(3, changes.RemovedVertices.Count);
        Assert.Equal(3, changes.RemovedLinks.Count);
        Assert.Empty(changes.UpsertedVertices);
    }

    [Fact]
    public void RemoveBatch_OnlyThatBatchsOrigins()
    {
        // Arrange
        var sut = Empty();
        sut.Link([Email("a"), Crm("B")], At(1, "ds1", "b1"));
        sut.Link([Email("a"), Crm("B")], At(2, "ds1", "b2"));
        sut.Link([Crm("B"), Ecid("C")], At(3, "ds1", "b2"));

        // Act
        var removed = sut.RemoveBatch("b2");

        // Assert
        Assert.Equal(1, removed);
        Assert.Equal([new LinkSource("ds1", "b1", T0.AddMinutes(1))], Assert.Single(sut.Links).Sources);
    }

    [Fact]
    public void DeleteIdentity_Hub_NeighboursWithoutOtherLinksDisappear()
    {
        // Arrange
        var sut = Empty();
        sut.Link([Crm("HUB"), Email("a")], At(0));
        sut.Link([Crm("HUB"), Email("b")], At(0));
        sut.Link([Email("b"), Ecid("c")], At(0));

        // Act
        var deleted = sut.DeleteIdentity(Crm("HUB").Identity);

        // Assert
        Assert.True(deleted);
        Assert.Equal(["ECID:c Email:b"], Partition(sut.Vertices));
        Assert.Empty(sut.GraphOf(Email("a").Identity));
    }

    [Fact]
    public void ViewOf_ReturnsOnlyThatGraphSorted()
    {
        // Arrange
        var sut = Empty();
        sut.Link([Email("b"), Email("a")], At(0));
        sut.Link([Crm("X"), Crm("Y")], At(0));

        // Act
        var view = sut.ViewOf(Email("a").Identity)!;

        // Assert
        Assert.Equal(["Email:a", "Email:b"], view.Members.Select(m => m.ToString()));
        Assert.Single(view.Links);
        Assert.Null(sut.ViewOf(Email("zzz").Identity));
    }
}
