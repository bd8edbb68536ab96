using ProfilePlatform.Domain.Ingestion;

namespace ProfilePlatform.Domain.Tests.Ingestion;

public sealed class IngestionValuesTests
{
    [Theory]
    [InlineData("42", true, 42L)]
    [InlineData(" -7 ", true, -7L)]
    [InlineData("42.0", true, 42L)]
    [InlineData("4.5", false, 0L)]
    [InlineData("1e3", true, 1000L)]
    [InlineData("many", false, 0L)]
    public void TryInteger_Texts(string text, bool ok, long value)
    {
        // Act
        var result = IngestionValues.TryInteger(text, out var parsed);

        // Assert
        Assert.Equal(ok, result);
        if (ok)
        {
            Assert.Equal(value, parsed);
        }
    }

    [Theory]
    [InlineData("2018-07-10T15:05:59.000-08:00", "2018-07-10T15:05:59-08:00")]
    [InlineData("2018-07-10T15:05:59.123Z", "2018-07-10T15:05:59.123Z")]
    [InlineData("2018-07-10 15:05:59", "2018-07-10T15:05:59Z")]
    [InlineData("2018-07-10", "2018-07-10T00:00:00Z")]
    public void TryDateTime_IsoForms_BecomeRfc3339(string text, string expected)
    {
        // Act
        var ok = IngestionValues.TryDateTime(text, out var value);

        // Assert
        Assert.True(ok);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Epoch_MillisecondsToDateAndDateTime_Utc()
    {
        // Act
        Assert.True(IngestionValues.TryEpochDateTime(1531263959000, out var dateTime));
        Assert.True(IngestionValues.TryEpochDate(1531263959000, out var date));

        // Assert
        Assert.Equal("2018-07-10T23:05:59Z", dateTime);
        Assert.Equal("2018-07-10", date);
        Assert.False(IngestionValues.TryEpochDateTime(long.MaxValue, out _));
    }

    [Theory]
    [InlineData("2018-07-10T23:30:00-08:00", "2018-07-10")]
    [InlineData("2018-07-10", "2018-07-10")]
    public void TryDate_KeepsTheDateInItsOwnOffset(string text, string expected)
    {
        // Act / Assert
        Assert.True(IngestionValues.TryDate(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2018-13-01")]
    [InlineData("")]
    public void TryDateTime_NotADate_False(string text) => Assert.False(IngestionValues.TryDateTime(text, out _));

    [Theory]
    [InlineData("4.20", "4.20")]
    [InlineData("NaN", null)]
    [InlineData("1e400", null)]
    public void TryNumber_Texts(string text, string? json)
    {
        // Act
        var ok = IngestionValues.TryNumber(text, out var value);

        // Assert
        Assert.Equal(json is not null, ok);
        if (json is not null)
        {
            Assert.Equal(json, value);
        }
    }
}
