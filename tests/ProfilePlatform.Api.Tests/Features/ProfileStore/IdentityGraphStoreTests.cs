using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProfilePlatform.Api.Tests.Infrastructure;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Tenancy;
using ProfilePlatform.Infrastructure.Identity;
using ProfilePlatform.Infrastructure.Persistence;
using static ProfilePlatform.Api.Tests.Features.ProfileStore.GraphData;

namespace ProfilePlatform.Api.Tests.Features.ProfileStore;

/// <summary>The identity graph store on real databases: every operation must leave exactly the state the reference
/// in-memory store leaves, concurrent writers must lose nothing, and tenants never see each other's graphs.</summary>
public abstract class IdentityGraphStoreTests(PlatformFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    public static TheoryData<int, int> SeedsAndCaps => new() { { 1, 50 }, { 2, 8 }, { 3, 5 } };

    [Theory]
    [MemberData(nameof(SeedsAndCaps))]
    public async Task LinkThenRemoveDataset_SequentialRecords_ExactlyTheReferenceStoresState(int seed, int cap)
    {
        // Arrange: the same records through the database store and the reference, with the same graph id sequence;
        // a small cap makes evictions and splits frequent
        var tenant = TenantScope.NewTenant();
        var records = RandomRecords(seed, count: 250, universe: 70, maxSize: 5);
        var reference = new InMemoryIdentityGraphStore();
        var referenceGraph = new IdentityGraphService(reference, Ids(), cap);
        var ids = Ids();

        // Act
        foreach (var chunk in records.Chunk(10))
        {
            // A scope per ten records, as ingestion segments would come
            await TenantScope.RunAsync(fixture, tenant, async s =>
            {
                foreach (var record in chunk)
                {
                    var outcome = await s.Graph(ids, cap).LinkAsync(record, Ct);
                    Assert.Equal(await referenceGraph.LinkAsync(record, Ct) is { } expected ? (expected.Linked, expected.GraphId, expected.Members.Count, expected.Evicted.Count) : default, (outcome.Linked, outcome.GraphId, outcome.Members.Count, outcome.Evicted.Count));
                }
            });
        }

        var linked = await StoredStateAsync(tenant);
        var removed = await TenantScope.RunAsync(fixture, tenant, s => s.Graph(ids, cap).RemoveDatasetAsync("ds1", Ct));
        var afterRemoval = await StoredStateAsync(tenant);

        // Assert
        Assert.Equal(Exact(reference.AllVertices), Exact(linked.Vertices));
        Assert.Equal(Links(reference.AllLinks), Links(linked.Links));
        Assert.Equal(await referenceGraph.RemoveDatasetAsync("ds1", Ct), removed);
        Assert.True(removed > 0);
        Assert.Equal(Exact(reference.AllVertices), Exact(afterRemoval.Vertices));
        Assert.Equal(Links(reference.AllLinks), Links(afterRemoval.Links));
        Assert.Equal(reference.AllLinks.Sum(l => l.Sources.Count), await SourceCountAsync(tenant));
        Assert.All(afterRemoval.Vertices.GroupBy(v => v.GraphId), g => Assert.InRange(g.Count(), 2, cap));
    }

    [Theory]
    [MemberData(nameof(SeedsAndCaps))]
    public async Task LinkChunksInsideACallersTransaction_PartlyStoredGraphs_ExactlyTheReferenceStoresState(int seed, int cap)
    {
        // Arrange: chunks of 40 records linked in one mutation each inside a caller's transaction (batch ingestion's
        // path: the sandbox's exclusive lock, rows not found appended by direct COPY, stored rows upserted); the
        // universe is small, so later chunks mostly hit stored graphs, merge them and re-time links and sources
        var tenant = TenantScope.NewTenant();
        var records = RandomRecords(seed, count: 400, universe: 90, maxSize: 5);
        var reference = new InMemoryIdentityGraphStore();
        var referenceGraph = new IdentityGraphService(reference, Ids(), cap);
        var ids = Ids();

        // Act
        foreach (var chunk in records.Chunk(40))
        {
            var outcomes = await TenantScope.RunAsync(fixture, tenant, async s =>
            {
                await using var tx = await s.Db.Database.BeginTransactionAsync();
                var linked = await s.Graph(ids, cap).LinkAsync(chunk, Ct);
                await tx.CommitAsync();
                return linked;
            });
            var expected = await referenceGraph.LinkAsync(chunk, Ct);
            Assert.Equal(expected.Select(o => (o.Linked, o.GraphId, o.Members.Count)), outcomes.Select(o => (o.Linked, o.GraphId, o.Members.Count)));
        }

        var stored = await StoredStateAsync(tenant);
        var xids = records.SelectMany(r => r.Identities).Select(i => i.Identity.Xid).Distinct().ToList();
        var history = await TenantScope.RunAsync(fixture, tenant, s => s.GraphStore.ClusterHistoryAsync(xids, Ct));

        // Assert: the same nodes, links, sources and cluster history (which clusters each identity was in)
        Assert.Equal(Exact(reference.AllVertices), Exact(stored.Vertices));
        Assert.Equal(Links(reference.AllLinks), Links(stored.Links));
        Assert.Equal(reference.AllLinks.Sum(l => l.Sources.Count), await SourceCountAsync(tenant));
        Assert.Equal(Clusters(await reference.ClusterHistoryAsync(xids, Ct)), Clusters(history));
        Assert.Superset(stored.Vertices.Select(v => v.Identity.Xid + " " + v.GraphId).ToHashSet(), Clusters(history).ToHashSet());
    }

    [Fact]
    public async Task ClusterHistory_GraphIdMadeAgainForAnIdentityThatWasInIt_OneRowRetimed()
    {
        // Arrange: a graph id generator that hands out the same id twice; the identities' first graph is deleted with
        // its dataset, so the second time they join "g-same" it looks new, but their history row for it is stored
        var tenant = TenantScope.NewTenant();
        var clock = new MovingClock(T0);
        await TenantScope.RunAsync(fixture, tenant, s => new IdentityGraphService(Store(s, clock), () => "g-same").LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(0, "ds1")), Ct));
        await TenantScope.RunAsync(fixture, tenant, s => new IdentityGraphService(Store(s, clock)).RemoveDatasetAsync("ds1", Ct));
        Assert.Equal(0, await CountAsync<IdentityVertexRecord>(tenant));
        clock.Now = T0.AddHours(1);

        // Act: inside a caller's transaction, as a batch would
        var outcome = await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var tx = await s.Db.Database.BeginTransactionAsync();
            var linked = await new IdentityGraphService(Store(s, clock), () => "g-same").LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(5, "ds2")), Ct);
            await tx.CommitAsync();
            return linked;
        });
        var history = await TenantScope.RunAsync(fixture, tenant, s => s.GraphStore.ClusterHistoryAsync([Email("a@x.y").Identity.Xid, Crm("C1").Identity.Xid], Ct));

        // Assert: one entry per identity and cluster, the later join
        Assert.Equal("g-same", outcome.GraphId);
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Equal(("g-same", T0.AddHours(1)), (h.ClusterId, h.RecordedAt)));
        Assert.Equal(2, await CountAsync<IdentityVertexRecord>(tenant));
    }

    [Fact]
    public async Task ClusterHistory_MovedByAMergeThenEvicted_EveryClusterWithItsJoinTime()
    {
        // Arrange: a@ joins g1 at T0; a merge at T0+1h moves the smaller graph's nodes into the other; at T0+2h the
        // graph is full (cap 5) and the oldest cookie is evicted, leaving it in no graph
        var tenant = TenantScope.NewTenant();
        var clock = new MovingClock(T0);
        var ids = Ids();
        IdentityGraphService Graph(TenantScope s) => new(Store(s, clock), ids, 5);
        await TenantScope.RunAsync(fixture, tenant, s => Graph(s).LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Ecid("1")], At(0)), Ct));
        await TenantScope.RunAsync(fixture, tenant, s => Graph(s).LinkAsync(new IdentityLinkRequest([Crm("C1"), Ecid("2")], At(1)), Ct));
        clock.Now = T0.AddHours(1);
        var merged = await TenantScope.RunAsync(fixture, tenant, s => Graph(s).LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(2)), Ct));
        clock.Now = T0.AddHours(2);

        // Act
        var evicting = await TenantScope.RunAsync(fixture, tenant, s => Graph(s).LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Ecid("3"), Ecid("4")], At(3)), Ct));
        var xids = new[] { Email("a@x.y"), Ecid("1"), Crm("C1"), Ecid("2"), Ecid("3"), Ecid("4") }.Select(i => i.Identity.Xid).ToList();
        var history = await TenantScope.RunAsync(fixture, tenant, s => s.GraphStore.ClusterHistoryAsync(xids, Ct));

        // Assert
        Assert.True(merged.Linked);
        var evicted = Assert.Single(evicting.Evicted);
        Assert.Equal(Ecid("1").Identity, evicted);
        var moved = history.Where(h => h.ClusterId != merged.GraphId).Select(h => h.Xid).ToHashSet();
        Assert.Equal(2, moved.Count); // the two nodes of the graph merged away: their first cluster and the merged one
        Assert.All(moved, x => Assert.Equal([(T0, false), (T0.AddHours(1), true)], history.Where(h => h.Xid == x).OrderBy(h => h.RecordedAt).Select(h => (h.RecordedAt, h.ClusterId == merged.GraphId))));
        Assert.Contains(history, h => h.Xid == evicted.Xid && h.ClusterId == merged.GraphId);
        Assert.Contains(history, h => h.Xid == Ecid("3").Identity.Xid && h.ClusterId == merged.GraphId && h.RecordedAt == T0.AddHours(2));
        Assert.Equal(history.Count, history.Select(h => (h.Xid, h.ClusterId)).Distinct().Count());
    }

    [Fact]
    public async Task Link_TwoGraphsJoined_OneGraphWithTheSmallerIdAndEachLinksProvenance()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        var ids = Ids();
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await s.Graph(ids).LinkAsync(new IdentityLinkRequest([Email("ann@acme.com"), Crm("C1")], At(0, "dsA", "b1")), Ct);
            await s.Graph(ids).LinkAsync(new IdentityLinkRequest([Ecid("E1"), Idfa("I1")], At(1, "dsB", "b2")), Ct);
        });

        // Act
        var outcome = await TenantScope.RunAsync(fixture, tenant, s => s.Graph(ids).LinkAsync(new IdentityLinkRequest([Crm("C1"), Ecid("E1")], At(5, "dsB", "b3")), Ct));
        var view = await TenantScope.RunAsync(fixture, tenant, s => s.Graph(ids).FindGraphAsync(Idfa("I1").Identity, Ct));

        // Assert
        Assert.Equal("g000001", outcome.GraphId);
        Assert.Equal("g000001", view!.GraphId);
        Assert.Equal(["CRMID:C1", "ECID:E1", "Email:ann@acme.com", "IDFA:I1"], view.Members.Select(m => m.ToString()));
        Assert.Equal(3, view.Links.Count);
        var bridge = view.Links.Single(l => l.Key.Equals(IdentityLinkKey.Of(Crm("C1").Identity, Ecid("E1").Identity)));
        Assert.Equal([new LinkSource("dsB", "b3", T0.AddMinutes(5))], bridge.Sources);
        Assert.Equal(T0.AddMinutes(5), view.Vertices.Single(v => v.Identity.Equals(Crm("C1").Identity)).LastUpdated);
        Assert.Equal(T0, view.Vertices.Single(v => v.Identity.Equals(Email("ann@acme.com").Identity)).LastUpdated);
    }

    [Fact]
    public async Task Link_SamePairAgainFromAnotherBatch_SourceAddedAndLastEstablishedMoved()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        await TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(0, "ds1", "b1")), Ct));

        // Act
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(3, "ds2", "b9")), Ct);
            await s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(7, "ds1", "b1")), Ct);
        });
        var link = Assert.Single((await StoredStateAsync(tenant)).Links);

        // Assert
        Assert.Equal((T0, T0.AddMinutes(7)), (link.FirstEstablished, link.LastEstablished));
        Assert.Equal([new LinkSource("ds1", "b1", T0.AddMinutes(7)), new LinkSource("ds2", "b9", T0.AddMinutes(3))], link.Sources);
        Assert.Equal(2, await SourceCountAsync(tenant));
    }

    [Fact]
    public async Task Link_FullGraphGetsANewIdentity_OldestCookieDeletedWithItsLinks()
    {
        // Arrange: one CRM id linked to 49 ECIDs over 49 minutes: a graph of 50
        var tenant = TenantScope.NewTenant();
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            var graph = s.Graph();
            for (var i = 0; i < 49; i++)
            {
                await graph.LinkAsync(new IdentityLinkRequest([Crm("C1"), Ecid($"E{i:D2}")], At(i)), Ct);
            }
        });

        // Act
        var outcome = await TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(new IdentityLinkRequest([Crm("C1"), Email("new@x.y")], At(60)), Ct));
        var state = await StoredStateAsync(tenant);

        // Assert
        Assert.Equal([Ecid("E00").Identity], outcome.Evicted);
        Assert.Equal(IdentityGuardrails.MaxIdentitiesPerGraph, outcome.Members.Count);
        Assert.Equal(50, await CountAsync<IdentityVertexRecord>(tenant));
        Assert.Equal(49, await CountAsync<IdentityLinkRecord>(tenant));
        Assert.DoesNotContain(state.Vertices, v => v.Identity.Equals(Ecid("E00").Identity));
        Assert.Single(state.Vertices.Select(v => v.GraphId).Distinct());
    }

    [Fact]
    public async Task RemoveDataset_LinkAlsoInAnotherDataset_Kept_OthersSplitOff()
    {
        // Arrange: Email-CRM from ds1 and ds2, CRM-ECID only from ds1
        var tenant = TenantScope.NewTenant();
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(0, "ds1")), Ct);
            await s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(1, "ds2")), Ct);
            await s.Graph().LinkAsync(new IdentityLinkRequest([Crm("C1"), Ecid("E1")], At(2, "ds1")), Ct);
        });

        // Act
        var removed = await TenantScope.RunAsync(fixture, tenant, s => s.Graph().RemoveDatasetAsync("ds1", Ct));
        var state = await StoredStateAsync(tenant);
        var linkedByDs1 = await TenantScope.RunAsync(fixture, tenant, s => s.GraphStore.GraphIdsLinkedByDatasetAsync("ds1", Ct));

        // Assert
        Assert.Equal(1, removed);
        Assert.Equal(["CRMID:C1 Email:a@x.y"], Partition(state.Vertices));
        Assert.Equal(["ds2"], Assert.Single(state.Links).DatasetIds);
        Assert.Empty(linkedByDs1);
        Assert.Equal(1, await SourceCountAsync(tenant));
    }

    [Fact]
    public async Task ConcurrentWriters_OverlappingRecords_EndInTheSameGraphsAsASequentialRun()
    {
        // Arrange: 8 writers (batches, streams), each in its own scope and connection, link 400 overlapping records
        var tenant = TenantScope.NewTenant();
        var records = RandomRecords(seed: 99, count: 400, universe: 60);
        var sequential = new InMemoryIdentityGraphStore();
        var sequentialGraph = new IdentityGraphService(sequential, Ids(), int.MaxValue);
        foreach (var record in records)
        {
            await sequentialGraph.LinkAsync(record, Ct);
        }

        // Act
        await Task.WhenAll(records
            .Select((record, index) => (record, index))
            .GroupBy(x => x.index % 8)
            .Select(writer => Task.Run(async () =>
            {
                foreach (var (record, _) in writer)
                {
                    await TenantScope.RunAsync(fixture, tenant, s => s.Graph(cap: int.MaxValue).LinkAsync(record, Ct));
                }
            })));
        var state = await StoredStateAsync(tenant);

        // Assert
        Assert.Equal(Partition(sequential.AllVertices), Partition(state.Vertices));
        Assert.Equal(Nodes(sequential.AllVertices), Nodes(state.Vertices));
        Assert.Equal(Links(sequential.AllLinks), Links(state.Links));
        AssertOneIdPerGraph(state);
    }

    [Fact]
    public async Task Race_TwoWritersCreateTheSameNewIdentity_OneGraph()
    {
        // Arrange: writer 1 is inside its mutation (locks held) creating A-B; writer 2 wants B-C
        var tenant = TenantScope.NewTenant();
        using var race = new Race();
        var first = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s =>
            s.GraphStore.MutateAsync(IdentityGraphScope.Of([Email("a").Identity, Email("b").Identity]), race.Blocking([Email("a"), Email("b")], At(0)), Ct)));
        await race.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // Act
        var second = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("b"), Email("c")], At(1)), Ct)));
        await WaitUntilBlockedAsync(second);
        race.Release();
        await Task.WhenAll(first, second);

        // Assert
        var state = await StoredStateAsync(tenant);
        Assert.Equal(["Email:a Email:b Email:c"], Partition(state.Vertices));
        Assert.Equal(2, state.Links.Count);
    }

    [Fact]
    public async Task Race_MergeIntoAGraphBeingWritten_NothingLost()
    {
        // Arrange: graphs {A,B} and {C,D}; writer 1 adds E to {A,B} and waits inside its mutation; writer 2 joins B and C
        var tenant = TenantScope.NewTenant();
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await s.Graph().LinkAsync(Record(0, Email("a"), Email("b")), Ct);
            await s.Graph().LinkAsync(Record(0, Email("c"), Email("d")), Ct);
        });
        using var race = new Race();
        var first = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s =>
            s.GraphStore.MutateAsync(IdentityGraphScope.Of([Email("a").Identity, Email("e").Identity]), race.Blocking([Email("a"), Email("e")], At(1)), Ct)));
        await race.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // Act
        var second = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(Record(2, Email("b"), Email("c")), Ct)));
        await WaitUntilBlockedAsync(second);
        race.Release();
        await Task.WhenAll(first, second);

        // Assert
        var state = await StoredStateAsync(tenant);
        Assert.Equal(["Email:a Email:b Email:c Email:d Email:e"], Partition(state.Vertices));
        Assert.Equal(4, state.Links.Count);
        AssertOneIdPerGraph(state);
    }

    [Fact]
    public async Task Race_GraphIdChangesWhileAWriterWaits_WriterLoadsTheNewGraph()
    {
        // Arrange: {A,B} is g000002 and {C,D} g000001; writer 1 joins B and C (the merge keeps g000001, so A's graph id
        // changes) and waits inside its mutation; writer 2 has read A's graph id g000002 and waits for its lock
        var tenant = TenantScope.NewTenant();
        var ids = Ids();
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await s.Graph(ids).LinkAsync(Record(0, Email("c"), Email("d")), Ct);
            await s.Graph(ids).LinkAsync(Record(0, Email("a"), Email("b")), Ct);
        });
        using var race = new Race();
        var first = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s =>
            s.GraphStore.MutateAsync(IdentityGraphScope.Of([Email("b").Identity, Email("c").Identity]), race.Blocking([Email("b"), Email("c")], At(1)), Ct)));
        await race.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        // Act
        var second = Task.Run(() => TenantScope.RunAsync(fixture, tenant, s => s.Graph(ids).LinkAsync(Record(2, Email("a"), Email("e")), Ct)));
        await WaitUntilBlockedAsync(second);
        race.Release();
        await Task.WhenAll(first, second);

        // Assert
        var state = await StoredStateAsync(tenant);
        Assert.Equal(["Email:a Email:b Email:c Email:d Email:e"], Partition(state.Vertices));
        Assert.Equal(["g000001"], state.Vertices.Select(v => v.GraphId).Distinct());
        Assert.Equal(4, state.Links.Count);
    }

    [Fact]
    public async Task Tenants_SameIdentitiesInTwoOrgsAndTwoSandboxes_IndependentGraphs()
    {
        // Arrange
        var a1 = TenantScope.NewTenant();
        var a2 = TenantScope.NewTenant();
        var b1 = TenantScope.NewTenant(TestClients.OrgB);
        await TenantScope.RunAsync(fixture, a1, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(0, "dsA")), Ct));
        await TenantScope.RunAsync(fixture, b1, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Ecid("E1")], At(0, "dsB")), Ct));

        // Act
        var seenByA2 = await TenantScope.RunAsync(fixture, a2, s => s.Graph().FindGraphAsync(Email("a@x.y").Identity, Ct));
        var datasetSeenByA2 = await TenantScope.RunAsync(fixture, a2, s => s.GraphStore.GraphIdsLinkedByDatasetAsync("dsA", Ct));
        var seenByA1 = await TenantScope.RunAsync(fixture, a1, s => s.Graph().FindGraphAsync(Email("a@x.y").Identity, Ct));
        var seenByB1 = await TenantScope.RunAsync(fixture, b1, s => s.Graph().FindGraphAsync(Email("a@x.y").Identity, Ct));
        var removedByB = await TenantScope.RunAsync(fixture, b1, s => s.Graph().RemoveDatasetAsync("dsA", Ct));

        // Assert
        Assert.Null(seenByA2);
        Assert.Empty(datasetSeenByA2);
        Assert.Equal(["CRMID:C1", "Email:a@x.y"], seenByA1!.Members.Select(m => m.ToString()));
        Assert.Equal(["ECID:E1", "Email:a@x.y"], seenByB1!.Members.Select(m => m.ToString()));
        Assert.Equal(0, removedByB);
        Assert.Equal(2, await CountAsync<IdentityVertexRecord>(a1));
    }

    [Fact]
    public async Task SandboxReset_WipesThatSandboxsGraphsOnly()
    {
        // Arrange
        var reset = TenantScope.NewTenant();
        var kept = TenantScope.NewTenant();
        foreach (var tenant in new[] { reset, kept })
        {
            await TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1"), Ecid("E1")], At(0)), Ct));
        }

        // Act
        await TenantScope.RunAsync(fixture, reset, s => TenantDataEraser.EraseAsync(s.Db, reset, Ct));

        // Assert
        Assert.Equal((0, 0, 0), (await CountAsync<IdentityVertexRecord>(reset), await CountAsync<IdentityLinkRecord>(reset), await SourceCountAsync(reset)));
        Assert.Equal((3, 3, 3), (await CountAsync<IdentityVertexRecord>(kept), await CountAsync<IdentityLinkRecord>(kept), await SourceCountAsync(kept)));
    }

    [Fact]
    public async Task RemoveDataset_InsideACallersTransactionThatRollsBack_NothingRemoved()
    {
        // Arrange
        var tenant = TenantScope.NewTenant();
        await TenantScope.RunAsync(fixture, tenant, s => s.Graph().LinkAsync(new IdentityLinkRequest([Email("a@x.y"), Crm("C1")], At(0, "ds1")), Ct));

        // Act: the dataset deletion's own transaction fails after the graph step
        var removed = await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            await using var tx = await s.Db.Database.BeginTransactionAsync();
            var count = await s.Graph().RemoveDatasetAsync("ds1", Ct);
            Assert.Null(await s.Graph().FindGraphAsync(Email("a@x.y").Identity, Ct)); // seen inside the transaction
            await tx.RollbackAsync();
            return count;
        });

        // Assert
        Assert.Equal(1, removed);
        Assert.Equal(2, await CountAsync<IdentityVertexRecord>(tenant));
        Assert.Equal(1, await SourceCountAsync(tenant));
    }

    private static EfIdentityGraphStore Store(TenantScope s, TimeProvider clock) => new(s.Db, clock);

    private static List<string> Clusters(IEnumerable<ClusterHistoryEntry> history) =>
        [.. history.Select(h => h.Xid + " " + h.ClusterId).Order(StringComparer.Ordinal)];

    private async Task<IdentityGraphState> StoredStateAsync(TenantKey tenant) =>
        await TenantScope.RunAsync(fixture, tenant, async s =>
        {
            var graphIds = await s.Db.Set<IdentityVertexRecord>().Select(v => v.GraphId).Distinct().ToListAsync();
            return await s.GraphStore.LoadAsync(IdentityGraphScope.OfGraphs(graphIds), Ct);
        });

    private Task<int> CountAsync<T>(TenantKey tenant)
        where T : class =>
        TenantScope.RunAsync(fixture, tenant, s => s.Db.Set<T>().CountAsync());

    /// <summary>The (dataset, batch) sources stored on the tenant's links, all links together.</summary>
    private Task<int> SourceCountAsync(TenantKey tenant) =>
        TenantScope.RunAsync(fixture, tenant, async s =>
            (await s.Db.Set<IdentityLinkRecord>().Select(l => l.Sources).ToListAsync()).Sum(json => StoredLinkSources.Read(json).Count));

    /// <summary>Waits until <paramref name="writer"/> is blocked behind the writer holding the graph: on PostgreSQL
    /// until an advisory lock of this database is waited for, on SQLite (one writer at a time) for a while.</summary>
    private async Task WaitUntilBlockedAsync(Task writer)
    {
        if (fixture.Provider == "Postgres")
        {
            await using var connection = new NpgsqlConnection(fixture.Factory.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                connection);
            for (var i = 0; i < 300 && (long)(await command.ExecuteScalarAsync())! == 0; i++)
            {
                Assert.False(writer.IsCompleted, "the second writer finished while the first held its locks");
                await Task.Delay(20);
            }
        }
        else
        {
            await Task.Delay(500);
        }

        Assert.False(writer.IsCompleted, "the second writer did not wait for the first");
    }

    private static List<string> Exact(IEnumerable<IdentityVertex> vertices) =>
        [.. vertices.Select(v => $"{v.Identity} {v.IdType} {v.GraphId} {v.LastUpdated:O}").Order(StringComparer.Ordinal)];

    private static void AssertOneIdPerGraph(IdentityGraphState state)
    {
        var graph = new IdentityGraph(state, Ids("check"), int.MaxValue);
        var byIdentity = state.Vertices.ToDictionary(v => v.Identity);
        var ids = graph.Components().Select(c => Assert.Single(c.Select(i => byIdentity[i].GraphId).Distinct())).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>A clock the test moves.</summary>
    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>A first writer that stops inside its mutation — its locks held — until released.</summary>
    private sealed class Race : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public SemaphoreSlim Entered { get; } = new(0);

        public Func<IdentityGraphState, IdentityGraphMutation<LinkOutcome>> Blocking(IReadOnlyList<GraphIdentity> identities, LinkSource source) => state =>
        {
            Entered.Release();
            _release.Wait(TimeSpan.FromSeconds(60));
            var graph = new IdentityGraph(state, Ids("w"));
            var outcome = graph.Link(identities, source);
            return new IdentityGraphMutation<LinkOutcome>(graph.Changes(), outcome);
        };

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
            Entered.Dispose();
        }
    }
}

public sealed class IdentityGraphStoreTestsPostgres(PostgresPlatform fixture) : IdentityGraphStoreTests(fixture), IClassFixture<PostgresPlatform>;

public sealed class IdentityGraphStoreTestsSqlite(SqlitePlatform fixture) : IdentityGraphStoreTests(fixture), IClassFixture<SqlitePlatform>;
