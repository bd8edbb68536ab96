using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using static ProfilePlatform.Domain.Tests.Profile.RecordMergeTests;

namespace ProfilePlatform.Domain.Tests.Profile;

public sealed class ExperienceEventTests
{
    private static readonly CompositeIdentity Ecid = new("ECID", "89149270342662559642753730269986316601");

    [Fact]
    public void Create_ReadsIdAndTimestamp()
    {
        // Act
        var sut = ExperienceEvent.Create("ds9", "b1", Ecid, [], Obj("""{"_id":"e-1","timestamp":"2019-07-31T23:15:39Z","web":{"x":1}}"""), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("e-1", sut.EventId);
        Assert.Equal(new DateTimeOffset(2019, 7, 31, 23, 15, 39, TimeSpan.Zero), sut.Timestamp);
        Assert.Equal(("ds9", "e-1"), sut.DedupeKey);
        Assert.Equal([Ecid], sut.Identities);
    }

    [Theory]
    [InlineData("""{"timestamp":"2019-07-31T23:15:39Z"}""", "_id")]
    [InlineData("""{"_id":"","timestamp":"2019-07-31T23:15:39Z"}""", "_id")]
    [InlineData("""{"_id":5,"timestamp":"2019-07-31T23:15:39Z"}""", "_id")]
    [InlineData("""{"_id":"e-1"}""", "timestamp")]
    [InlineData("""{"_id":"e-1","timestamp":"soon"}""", "timestamp")]
    public void Create_WithoutIdOrTimestamp_ThrowsNamingTheField(string record, string field)
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => ExperienceEvent.Create("ds9", "b1", Ecid, [], Obj(record), DateTimeOffset.UnixEpoch));

        // Assert
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message.Split(" (Parameter")[0], ExperienceEvent.Problem(Obj(record)));
    }
}
