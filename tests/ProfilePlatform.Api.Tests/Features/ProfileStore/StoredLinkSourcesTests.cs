using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Api.Tests.Features.ProfileStore;

/// <summary>The JSON a link row keeps its sources in (no database needed).</summary>
public sealed class StoredLinkSourcesTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public void WriteThenRead_SameSources_OrderedByDatasetThenBatch()
    {
        // Arrange
        LinkSource[] sources = [new("ds2", "b1", At), new("ds1", "b9", At.AddSeconds(5)), new("ds1", "b10", At)];

        // Act
        var json = StoredLinkSources.Write(sources);
        var read = StoredLinkSources.Read(json);

        // Assert
        Assert.Equal(
            """[{"dataset":"ds1","batch":"b10","at":1700000000123},{"dataset":"ds1","batch":"b9","at":1700000005123},{"dataset":"ds2","batch":"b1","at":1700000000123}]""",
            json);
        Assert.Equal([new("ds1", "b10", At), new("ds1", "b9", At.AddSeconds(5)), new LinkSource("ds2", "b1", At)], read);
    }

    [Fact]
    public void DatasetPattern_FindsTheDatasetField_NotABatchOfTheSameName()
    {
        // Arrange
        var json = StoredLinkSources.Write([new LinkSource("ds1", "ds2", At)]);

        // Act / Assert
        Assert.Contains(StoredLinkSources.DatasetPattern("ds1"), json, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredLinkSources.DatasetPattern("ds2"), json, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredLinkSources.DatasetPattern("ds"), json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_NoSources() => Assert.Empty(StoredLinkSources.Read("[]"));
}
