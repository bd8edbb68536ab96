using ProfilePlatform.Domain.Profile;
using static ProfilePlatform.Domain.Tests.Profile.RecordMergeTests;

namespace ProfilePlatform.Domain.Tests.Profile;

public sealed class ExternalSourceAuditTests
{
    [Theory]
    [InlineData("""{"extSourceSystemAudit":{"lastUpdatedDate":"2028-11-13T15:06:49.001Z"}}""", "2028-11-13T15:06:49.0010000+00:00")]
    [InlineData("""{"extSourceSystemAudit":{"lastUpdatedDate":"2018-01-02T15:52:25+02:00"}}""", "2018-01-02T13:52:25.0000000+00:00")]
    [InlineData("""{"extSourceSystemAudit":{"lastUpdatedDate":"2024-03-09 12:21:43.0"}}""", "2024-03-09T12:21:43.0000000+00:00")]
    [InlineData("""{"xdm:extSourceSystemAudit":{"xdm:lastUpdatedDate":"2018-01-02T15:52:25Z"}}""", "2018-01-02T15:52:25.0000000+00:00")]
    public void LastUpdatedDate_Parsed(string record, string expected)
    {
        // Act / Assert
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ExternalSourceAudit.LastUpdatedDate(Obj(record)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"extSourceSystemAudit":{}}""")]
    [InlineData("""{"extSourceSystemAudit":{"lastUpdatedDate":"yesterday"}}""")]
    [InlineData("""{"extSourceSystemAudit":{"lastUpdatedDate":1700000000}}""")]
    [InlineData("""{"extSourceSystemAudit":"2024-01-01"}""")]
    [InlineData("""{"person":{"extSourceSystemAudit":{"lastUpdatedDate":"2024-01-01T00:00:00Z"}}}""")]
    public void LastUpdatedDate_AbsentOrUnreadable_Null(string record)
    {
        // Act / Assert
        Assert.Null(ExternalSourceAudit.LastUpdatedDate(Obj(record)));
    }
}
