using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tests.Fakes;
using static ProfilePlatform.Domain.Tests.Identity.GraphTestData;

namespace ProfilePlatform.Domain.Tests.Identity;

/// <summary>The read side the cluster, mapping and graph endpoints use: graphs of many identities, XID lookup,
/// cluster history (joins, merges, evictions) and mappings.</summary>
public sealed class IdentityGraphQueryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly InMemoryIdentityGraphStore _store;

    public IdentityGraphQueryTests() => _store = new InMemoryIdentityGraphStore(_clock);

    private IdentityGraphService Graph(int cap = IdentityGuardrails.MaxIdentitiesPerGraph) => new(_store, Ids(), cap);

    [Fact]
    public async Task FindGraphs_SeveralIdentities_OneViewPerGraph_UnlinkedAbsent()
    {
        // Arrange
        var graph = Graph();
        await graph.LinkAsync(new IdentityLinkRequest([Email("a"), Ecid("1")], At(1)), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Email("b"), Ecid("2")], At(2)), Ct);

        // Act
        var views = await graph.FindGraphsAsync([Email("a").Identity, Ecid("1").Identity, Email("b").Identity, Email("nobody").Identity], Ct);

        // Assert
        Assert.Equal(3, views.Count);
        Assert.Same(views[Email("a").Identity], views[Ecid("1").Identity]);
        Assert.Equal([Ecid("2").Identity, Email("b").Identity], views[Email("b").Identity].Members);
        Assert.False(views.ContainsKey(Email("nobody").Identity));
    }

    [Fact]
    public async Task FindByXids_OnlyStoredIdentities()
    {
        // Arrange
        var graph = Graph();
        await graph.LinkAsync(new IdentityLinkRequest([Email("a"), Ecid("1")], At(1)), Ct);

        // Act
        var found = await graph.FindByXidsAsync([Email("a").Identity.Xid, Email("zzz").Identity.Xid, "not-an-xid"], Ct);

        // Assert
        Assert.Equal([Email("a").Identity.Xid], found.Keys);
        Assert.Equal(Email("a").Identity, found[Email("a").Identity.Xid]);
    }

    [Fact]
    public async Task ClusterHistory_JoinThenMerge_NewestFirst_AndUnchangedNodesAddNothing()
    {
        // Arrange: g1 = {a, 1}, g2 = {b, 2}, then a record linking 1 and 2 merges them into g1 (the smaller id)
        var graph = Graph();
        await graph.LinkAsync(new IdentityLinkRequest([Email("a"), Ecid("1")], At(1)), Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await graph.LinkAsync(new IdentityLinkRequest([Email("b"), Ecid("2")], At(2)), Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await graph.LinkAsync(new IdentityLinkRequest([Ecid("1"), Ecid("2")], At(3)), Ct);

        // Act
        var history = await graph.ClusterHistoryAsync([Email("a").Identity.Xid, Email("b").Identity.Xid, Email("none").Identity.Xid], Ct);

        // Assert
        Assert.Equal([("g1", T0)], history[Email("a").Identity.Xid].Select(e => (e.ClusterId, e.RecordedAt)));
        Assert.Equal([("g1", T0.AddMinutes(2)), ("g2", T0.AddMinutes(1))], history[Email("b").Identity.Xid].Select(e => (e.ClusterId, e.RecordedAt)));
        Assert.Empty(history[Email("none").Identity.Xid]);
    }

    [Fact]
    public async Task ClusterHistory_EvictedIdentity_KeepsItsHistory_ButLeavesTheGraph()
    {
        // Arrange: cap 3, the oldest cookie is evicted when a fourth identity arrives
        var graph = Graph(cap: 3);
        await graph.LinkAsync(new IdentityLinkRequest([Crm("c"), Ecid("old")], At(1)), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Crm("c"), Email("e")], At(2)), Ct);

        // Act
        var outcome = await graph.LinkAsync(new IdentityLinkRequest([Crm("c"), Ecid("new")], At(3)), Ct);
        var history = await graph.ClusterHistoryAsync([Ecid("old").Identity.Xid], Ct);
        var views = await graph.FindGraphsAsync([Ecid("old").Identity, Crm("c").Identity], Ct);

        // Assert
        Assert.Equal([Ecid("old").Identity], outcome.Evicted);
        Assert.Equal(["g1"], history[Ecid("old").Identity.Xid].Select(e => e.ClusterId));
        Assert.False(views.ContainsKey(Ecid("old").Identity));
        Assert.DoesNotContain(Ecid("old").Identity, views[Crm("c").Identity].Members);
    }

    [Fact]
    public async Task Mappings_SameNamespace_DirectLinkTime_OrEarlierLastUpdateWhenIndirect()
    {
        // Arrange: e1 - crm (minute 1), crm - e2 (minute 5): e1 and e2 are only linked through crm
        var graph = Graph();
        await graph.LinkAsync(new IdentityLinkRequest([Email("e1"), Crm("c")], At(1)), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Crm("c"), Email("e2"), Ecid("x")], At(5)), Ct);
        var view = (await graph.FindGraphAsync(Email("e1").Identity, Ct))!;

        // Act
        var emails = view.MappingsOf(Email("e1").Identity, "email");
        var crm = view.MappingsOf(Email("e1").Identity, "CRMID");
        var none = view.MappingsOf(Email("e1").Identity, "Phone");
        var outsider = view.MappingsOf(Email("nobody").Identity, "Email");

        // Assert
        Assert.Equal([(Email("e2").Identity, T0.AddMinutes(1))], emails.Select(m => (m.Identity, m.LastAssociation)));
        Assert.Equal([(Crm("c").Identity, T0.AddMinutes(1))], crm.Select(m => (m.Identity, m.LastAssociation)));
        Assert.Empty(none);
        Assert.Empty(outsider);
    }

    [Fact]
    public void ClusterAssignments_OnlyNewAndMovedNodes()
    {
        // Arrange
        var state = new IdentityGraphState(
            [new IdentityVertex(Email("a").Identity, IdentityTypes.Email, "g1", T0), new IdentityVertex(Ecid("1").Identity, IdentityTypes.Cookie, "g1", T0)],
            []);
        var changes = new IdentityGraphChanges(
            [new IdentityVertex(Email("a").Identity, IdentityTypes.Email, "g1", T0.AddMinutes(1)), new IdentityVertex(Ecid("1").Identity, IdentityTypes.Cookie, "g9", T0), new IdentityVertex(Ecid("2").Identity, IdentityTypes.Cookie, "g9", T0)],
            [], [], []);

        // Act
        var assigned = changes.ClusterAssignments(state).Select(v => (v.Identity, v.GraphId));

        // Assert
        Assert.Equal([(Ecid("1").Identity, "g9"), (Ecid("2").Identity, "g9")], assigned);
    }

    [Fact]
    public async Task RemoveBatch_OnlyLinksNoOtherBatchSupports_GoAcrossGraphs()
    {
        // Arrange: b1 links {a,1} and {b,2}; b2 also links {b,2}; another dataset's b1 is not touched
        var graph = Graph();
        await graph.LinkAsync(new IdentityLinkRequest([Email("a"), Ecid("1")], At(1, "ds1", "b1")), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Email("b"), Ecid("2")], At(2, "ds1", "b1")), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Email("b"), Ecid("2")], At(3, "ds1", "b2")), Ct);
        await graph.LinkAsync(new IdentityLinkRequest([Email("c"), Ecid("3")], At(4, "ds2", "b1")), Ct);

        // Act
        var removed = await graph.RemoveBatchAsync("ds1", "b1", Ct);
        var views = await graph.FindGraphsAsync([Email("a").Identity, Email("b").Identity, Email("c").Identity], Ct);

        // Assert
        Assert.Equal(1, removed);
        Assert.False(views.ContainsKey(Email("a").Identity));
        Assert.Equal(["b2"], views[Email("b").Identity].Links.Single().Sources.Select(s => s.BatchId));
        Assert.True(views.ContainsKey(Email("c").Identity));
    }
}
