using ProfilePlatform.Domain.Identity.Graph;
using static ProfilePlatform.Domain.Tests.Identity.GraphTestData;

namespace ProfilePlatform.Domain.Tests.Identity;

public sealed class IdentityGraphServiceTests
{
    private readonly InMemoryIdentityGraphStore _store = new();
    private readonly IdentityGraphService _sut;

    public IdentityGraphServiceTests() => _sut = new IdentityGraphService(_store, Ids());

    [Fact]
    public async Task Link_SingleIdentityRecord_StoreNeverTouched()
    {
        // Act
        var outcome = await _sut.LinkAsync(new IdentityLinkRequest([Email("a"), Sku("s")], At(0)), CancellationToken.None);

        // Assert
        Assert.False(outcome.Linked);
        Assert.Empty(_store.AllVertices);
    }

    [Fact]
    public async Task Link_ManyRecordsInOneStep_OutcomesInOrder()
    {
        // Act
        var outcomes = await _sut.LinkAsync(
            [
                new IdentityLinkRequest([Email("a"), Crm("C1")], At(0)),
                new IdentityLinkRequest([Email("lonely")], At(0)),
                new IdentityLinkRequest([Crm("C1"), Ecid("E1")], At(1)),
            ],
            CancellationToken.None);

        // Assert
        Assert.Equal([true, false, true], outcomes.Select(o => o.Linked));
        Assert.Equal(3, outcomes[2].Members.Count);
        Assert.Equal(outcomes[0].GraphId, outcomes[2].GraphId);
        Assert.Equal(3, _store.AllVertices.Count);
    }

    [Fact]
    public async Task Link_DefaultGraphIds_AreVersion7Uuids_InCreationOrder()
    {
        // Arrange: the default id maker, two graphs made a few milliseconds apart
        var sut = new IdentityGraphService(_store);
        var first = await sut.LinkAsync(new IdentityLinkRequest([Email("a"), Crm("C1")], At(0)), CancellationToken.None);
        await Task.Delay(5);

        // Act
        var second = await sut.LinkAsync(new IdentityLinkRequest([Email("b"), Crm("C2")], At(0)), CancellationToken.None);

        // Assert: UUIDs (AEP's cluster ids are), time-ordered so new graphs append to the store's graph-id index
        Assert.Equal(7, Guid.Parse(first.GraphId!).Version);
        Assert.Equal(7, Guid.Parse(second.GraphId!).Version);
        Assert.True(string.CompareOrdinal(first.GraphId, second.GraphId) < 0, $"{first.GraphId} then {second.GraphId}");
    }

    [Fact]
    public async Task FindGraph_And_RelatedIdentities()
    {
        // Arrange
        await _sut.LinkAsync(new IdentityLinkRequest([Email("a"), Crm("C1")], At(0)), CancellationToken.None);
        await _sut.LinkAsync(new IdentityLinkRequest([Email("x"), Crm("Y")], At(0)), CancellationToken.None);

        // Act
        var view = await _sut.FindGraphAsync(Crm("C1").Identity, CancellationToken.None);
        var related = await _sut.RelatedIdentitiesAsync(Email("a").Identity, CancellationToken.None);
        var alone = await _sut.RelatedIdentitiesAsync(Email("nobody").Identity, CancellationToken.None);

        // Assert
        Assert.Equal(["CRMID:C1", "Email:a"], view!.Members.Select(m => m.ToString()));
        Assert.Single(view.Links);
        Assert.Equal(view.Members, related);
        Assert.Equal([Email("nobody").Identity], alone);
        Assert.Null(await _sut.FindGraphAsync(Email("nobody").Identity, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveDataset_AcrossSeveralGraphs_OnlyItsLinksGo()
    {
        // Arrange
        await _sut.LinkAsync(new IdentityLinkRequest([Email("a"), Crm("C1")], At(0, "ds1")), CancellationToken.None);
        await _sut.LinkAsync(new IdentityLinkRequest([Email("b"), Crm("C2")], At(0, "ds1")), CancellationToken.None);
        await _sut.LinkAsync(new IdentityLinkRequest([Email("b"), Crm("C2")], At(1, "ds2")), CancellationToken.None);
        await _sut.LinkAsync(new IdentityLinkRequest([Email("c"), Crm("C3")], At(0, "ds2")), CancellationToken.None);

        // Act
        var removed = await _sut.RemoveDatasetAsync("ds1", CancellationToken.None);

        // Assert
        Assert.Equal(1, removed);
        Assert.Equal(["CRMID:C2 Email:b", "CRMID:C3 Email:c"], Partition(_store.AllVertices));
        Assert.Empty(await _store.GraphIdsLinkedByDatasetAsync("ds1", CancellationToken.None));
        Assert.Equal(0, await _sut.RemoveDatasetAsync("ds1", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteIdentity_RemovesItAndSplits()
    {
        // Arrange
        await _sut.LinkAsync(new IdentityLinkRequest([Crm("HUB"), Email("a"), Email("b")], At(0)), CancellationToken.None);
        await _sut.LinkAsync(new IdentityLinkRequest([Crm("HUB"), Ecid("c"), Idfa("d")], At(0)), CancellationToken.None);

        // Act
        var deleted = await _sut.DeleteIdentityAsync(Crm("HUB").Identity, CancellationToken.None);

        // Assert
        Assert.True(deleted);
        Assert.Equal(["ECID:c IDFA:d", "Email:a Email:b"], Partition(_store.AllVertices));
        Assert.False(await _sut.DeleteIdentityAsync(Crm("HUB").Identity, CancellationToken.None));
    }

    [Fact]
    public async Task Store_WriterLosesTheRace_MutationRunsAgainOnFreshStateAndNoMergeIsLost()
    {
        // Arrange: writer 1 computes, then waits before committing while writer 2 commits a link into the same graph
        await _sut.LinkAsync(new IdentityLinkRequest([Email("a"), Crm("C1")], At(0)), CancellationToken.None);
        var paused = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var first = true;
        _store.BeforeCommit = async _ =>
        {
            if (first)
            {
                first = false;
                paused.SetResult();
                await resume.Task;
            }
        };

        // Act
        var writer1 = _sut.LinkAsync(new IdentityLinkRequest([Crm("C1"), Ecid("E1")], At(1)), CancellationToken.None);
        await paused.Task;
        var writer2 = _sut.LinkAsync(new IdentityLinkRequest([Email("a"), Idfa("D1")], At(2)), CancellationToken.None);
        await writer2;
        resume.SetResult();
        var outcome = await writer1;

        // Assert
        Assert.Equal(1, _store.Conflicts);
        Assert.Equal(4, outcome.Members.Count);
        Assert.Equal(["CRMID:C1 ECID:E1 Email:a IDFA:D1"], Partition(_store.AllVertices));
        Assert.Equal(3, _store.AllLinks.Count);
    }

    [Fact]
    public async Task Store_ConcurrentCreationOfTheSameNewIdentity_DetectedAsConflict()
    {
        // Arrange: both writers see E1 as new; the second to commit must not create a second node or graph
        var paused = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var first = true;
        _store.BeforeCommit = async _ =>
        {
            if (first)
            {
                first = false;
                paused.SetResult();
                await resume.Task;
            }
        };

        // Act
        var writer1 = _sut.LinkAsync(new IdentityLinkRequest([Ecid("E1"), Email("a")], At(0)), CancellationToken.None);
        await paused.Task;
        await _sut.LinkAsync(new IdentityLinkRequest([Ecid("E1"), Email("b")], At(1)), CancellationToken.None);
        resume.SetResult();
        await writer1;

        // Assert
        Assert.Equal(1, _store.Conflicts);
        Assert.Equal(["ECID:E1 Email:a Email:b"], Partition(_store.AllVertices));
    }
}
