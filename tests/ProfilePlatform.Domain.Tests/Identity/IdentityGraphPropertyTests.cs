using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using static ProfilePlatform.Domain.Tests.Identity.GraphTestData;

namespace ProfilePlatform.Domain.Tests.Identity;

/// <summary>Randomized checks of the graph against a textbook union-find, with the cap out of reach.</summary>
public sealed class IdentityGraphPropertyTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 42, 2025, 31337];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Link_RandomRecords_SamePartitionAsReferenceUnionFind_AfterEveryRecord(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var sut = Empty(cap: int.MaxValue);
        var reference = new UnionFind();

        for (var r = 0; r < 400; r++)
        {
            var record = RandomRecord(random, universe: 120);

            // Act
            var outcome = sut.Link(record, At(r));
            reference.Link(record.Where(i => IdentityTypes.IsLinkable(i.IdType)).Select(i => i.Identity).Distinct().ToList());

            // Assert
            Assert.Equal(reference.Partition(), Partition(sut.Components()));
            if (outcome.Linked)
            {
                Assert.Equal(reference.Members(record.First(i => IdentityTypes.IsLinkable(i.IdType)).Identity).Order(StringComparer.Ordinal), outcome.Members.Select(m => m.ToString()).Order(StringComparer.Ordinal));
            }
        }

        AssertGraphIdsMatchComponents(sut.Vertices, sut.Components());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Service_RandomRecordsThroughTheStore_SamePartitionAsReferenceUnionFind(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var store = new InMemoryIdentityGraphStore();
        var sut = new IdentityGraphService(store, Ids(), int.MaxValue);
        var reference = new UnionFind();

        // Act
        for (var r = 0; r < 300; r++)
        {
            var record = RandomRecord(random, universe: 100);
            await sut.LinkAsync(new IdentityLinkRequest(record, At(r)), CancellationToken.None);
            reference.Link(record.Where(i => IdentityTypes.IsLinkable(i.IdType)).Select(i => i.Identity).Distinct().ToList());
        }

        // Assert
        Assert.Equal(reference.Partition(), Partition(store.AllVertices));
        Assert.Equal(0, store.Conflicts);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Service_ManyConcurrentWriters_EndInTheSameGraphsAsASequentialRun(int seed)
    {
        // Arrange: 8 writers (batches and streams) link overlapping records at once; each yields between its
        // computation and its commit so that writers really interleave
        var random = new Random(seed);
        var records = Enumerable.Range(0, 400).Select(r => new IdentityLinkRequest(RandomRecord(random, universe: 60), At(r))).ToList();
        var store = new InMemoryIdentityGraphStore { BeforeCommit = async _ => await Task.Yield() };
        var sut = new IdentityGraphService(store, Ids(), int.MaxValue);
        var sequential = new UnionFind();
        foreach (var record in records)
        {
            sequential.Link(record.Identities.Where(i => IdentityTypes.IsLinkable(i.IdType)).Select(i => i.Identity).Distinct().ToList());
        }

        // Act
        await Task.WhenAll(records
            .Select((record, index) => (record, index))
            .GroupBy(x => x.index % 8)
            .Select(writer => Task.Run(async () =>
            {
                foreach (var (record, _) in writer)
                {
                    await sut.LinkAsync(record, CancellationToken.None);
                }
            })));

        // Assert
        Assert.True(store.Conflicts > 0, "the writers never raced; the test proves nothing");
        Assert.Equal(sequential.Partition(), Partition(store.AllVertices));
        var graph = new IdentityGraph(new IdentityGraphState(store.AllVertices, store.AllLinks), Ids("check"), int.MaxValue);
        AssertGraphIdsMatchComponents(store.AllVertices, graph.Components());
    }

    [Fact]
    public async Task Service_ConcurrentWritersWithTheCap_NoGraphExceedsFiftyAndIdsMatchComponents()
    {
        // Arrange
        var random = new Random(7);
        var records = Enumerable.Range(0, 400).Select(r => new IdentityLinkRequest(RandomRecord(random, universe: 200, maxSize: 6), At(r))).ToList();
        var store = new InMemoryIdentityGraphStore { BeforeCommit = async _ => await Task.Yield() };
        var sut = new IdentityGraphService(store, Ids());

        var evictions = 0;

        // Act
        await Task.WhenAll(records.Chunk(50).Select(chunk => Task.Run(async () =>
        {
            foreach (var record in chunk)
            {
                var outcome = await sut.LinkAsync(record, CancellationToken.None);
                Interlocked.Add(ref evictions, outcome.Evicted.Count);
            }
        })));

        // Assert: the cap was reached (which graph ends at exactly 50 depends on the interleaving), and nothing exceeds it
        var graph = new IdentityGraph(new IdentityGraphState(store.AllVertices, store.AllLinks), Ids("check"));
        var components = graph.Components();
        Assert.True(evictions > 0, "the cap was never reached: the test no longer exercises it");
        Assert.All(components, c => Assert.InRange(c.Count, 2, IdentityGuardrails.MaxIdentitiesPerGraph));
        AssertGraphIdsMatchComponents(store.AllVertices, components);
    }

    private static void AssertGraphIdsMatchComponents(IEnumerable<IdentityVertex> vertices, IReadOnlyList<IReadOnlySet<CompositeIdentity>> components)
    {
        var byIdentity = vertices.ToDictionary(v => v.Identity);
        var ids = components.Select(c => c.Select(i => byIdentity[i].GraphId).Distinct(StringComparer.Ordinal).Single()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>1..maxSize identities drawn from a small universe so that records overlap and graphs merge; some
    /// non-people identities and some single-identity records on purpose.</summary>
    private static List<GraphIdentity> RandomRecord(Random random, int universe, int maxSize = 4)
    {
        var size = random.Next(1, maxSize + 1);
        return [.. Enumerable.Range(0, size).Select(_ =>
        {
            var n = random.Next(universe);
            return (n % 5) switch
            {
                0 => Ecid($"{n}"),
                1 => Email($"{n}@x.y"),
                2 => Crm($"{n}"),
                3 => Idfa($"{n}"),
                _ => random.Next(10) == 0 ? Sku($"{n}") : Email($"{n}@z.z"),
            };
        })];
    }

    /// <summary>The reference: path-compressing union-find over identities, counting only records with two or more
    /// distinct linkable identities (the others are never stored).</summary>
    private sealed class UnionFind
    {
        private readonly Dictionary<CompositeIdentity, CompositeIdentity> _parent = [];

        public void Link(IReadOnlyList<CompositeIdentity> identities)
        {
            if (identities.Count < 2)
            {
                return;
            }

            foreach (var identity in identities)
            {
                _parent.TryAdd(identity, identity);
            }

            for (var i = 1; i < identities.Count; i++)
            {
                var a = Find(identities[0]);
                var b = Find(identities[i]);
                if (!a.Equals(b))
                {
                    _parent[b] = a;
                }
            }
        }

        public IReadOnlyList<string> Partition() =>
            GraphTestData.Partition(_parent.Keys.GroupBy(Find).Select(g => g.AsEnumerable()));

        public IEnumerable<string> Members(CompositeIdentity identity)
        {
            var root = Find(identity);
            return _parent.Keys.Where(k => Find(k).Equals(root)).Select(k => k.ToString());
        }

        private CompositeIdentity Find(CompositeIdentity identity)
        {
            var root = identity;
            while (!_parent[root].Equals(root))
            {
                root = _parent[root];
            }

            while (!_parent[identity].Equals(root))
            {
                (identity, _parent[identity]) = (_parent[identity], root);
            }

            return root;
        }
    }
}
