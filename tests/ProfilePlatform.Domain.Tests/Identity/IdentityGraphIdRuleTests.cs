using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using static ProfilePlatform.Domain.Tests.Identity.GraphTestData;

namespace ProfilePlatform.Domain.Tests.Identity;

/// <summary>Graph ids after every operation follow the documented rule computed over all graphs of the working copy
/// (components largest first, ties by smallest XID; each keeps the smallest id its identities had that a larger
/// component did not take, else gets a new one) — although the graph only re-examines the components an operation
/// touched.</summary>
public sealed class IdentityGraphIdRuleTests
{
    public static TheoryData<int, int> SeedsAndCaps => new() { { 1, 6 }, { 2, 6 }, { 3, 50 }, { 4, 4 }, { 5, 10 } };

    [Theory]
    [MemberData(nameof(SeedsAndCaps))]
    public void RandomOperations_IdsEqualTheRuleAppliedToEveryGraph(int seed, int cap)
    {
        // Arrange: one working copy that accumulates many graphs, as a segment's mutation does
        var random = new Random(seed);
        var sut = Empty(cap);
        var universe = 90;

        for (var op = 0; op < 700; op++)
        {
            var prior = sut.Vertices.ToDictionary(v => v.Identity, v => v.GraphId);

            // Act
            switch (random.Next(20))
            {
                case 0:
                    sut.RemoveDataset($"ds{random.Next(3)}");
                    break;
                case 1:
                    sut.RemoveBatch($"b{random.Next(4)}");
                    break;
                case 2 when prior.Count > 0:
                    sut.DeleteIdentity(prior.Keys.ElementAt(random.Next(prior.Count)));
                    break;
                default:
                    var size = random.Next(1, 6);
                    var record = Enumerable.Range(0, size).Select(_ => Identity(random.Next(universe))).ToList();
                    sut.Link(record, At(op, $"ds{random.Next(3)}", $"b{random.Next(4)}"));
                    break;
            }

            // Assert
            AssertRule(prior, sut);
        }

        Assert.True(sut.Components().Count > 3, "the working copy should hold several graphs");
    }

    private static void AssertRule(IReadOnlyDictionary<CompositeIdentity, string> prior, IdentityGraph sut)
    {
        var ids = sut.Vertices.ToDictionary(v => v.Identity, v => v.GraphId);
        var priorIds = prior.Values.ToHashSet(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in sut.Components()
                     .OrderByDescending(c => c.Count)
                     .ThenBy(c => c.Select(i => i.Xid).Min(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var actual = Assert.Single(component.Select(i => ids[i]).Distinct(StringComparer.Ordinal));
            var expected = component
                .Select(prior.GetValueOrDefault)
                .OfType<string>()
                .Where(g => !taken.Contains(g))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            if (expected is null)
            {
                Assert.DoesNotContain(actual, priorIds);
            }
            else
            {
                Assert.Equal(expected, actual);
            }

            Assert.True(taken.Add(actual), $"graph id {actual} is used by two graphs");
        }
    }

    private static GraphIdentity Identity(int n) => (n % 5) switch
    {
        0 => Ecid($"{n}"),
        1 => Email($"{n}@x.y"),
        2 => Crm($"{n}"),
        3 => Idfa($"{n}"),
        _ => Partner($"{n}"),
    };
}
