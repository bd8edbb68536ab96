using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.Entities;

namespace ProfilePlatform.Domain.Tests.Profile.Entities;

public sealed class EventPropertyFilterTests
{
    private static readonly JsonObject Event = JsonNode.Parse("""
        {"web":{"webPageDetails":{"isHomepage":false,"name":"Home","pageViews":{"value":3}}},
         "placeContext":{"localTime":"2020-07-20T23:30:00Z"},"eventType":"application.login","timestamp":"2020-07-21T06:00:00+02:00"}
        """)!.AsObject();

    [Theory]
    [InlineData("web.webPageDetails.isHomepage=false", true)]
    [InlineData("web.webPageDetails.isHomepage=true", false)]
    [InlineData("web.webPageDetails.isHomepage!=true", true)]
    [InlineData("web.webPageDetails.isHomepage<true", false)]
    [InlineData("placeContext.localTime<=\"2020-07-20\"", true)]
    [InlineData("placeContext.localTime<\"2020-07-20\"", false)]
    [InlineData("placeContext.localTime>=\"20200720\"", true)]
    [InlineData("timestamp=\"2020-07-21\"", true)] // 04:00 UTC on the 21st
    [InlineData("eventType=\"application.login\"", true)]
    [InlineData("eventType=application.login", true)]
    [InlineData("eventType!=\"application.logout\"", true)]
    [InlineData("web.webPageDetails.pageViews.value>2", true)]
    [InlineData("web.webPageDetails.pageViews.value>=3.0", true)]
    [InlineData("web.webPageDetails.pageViews.value<3", false)]
    [InlineData("web.webPageDetails.name>\"Ha\"", true)]
    [InlineData("web.webPageDetails.missing!=1", false)] // a missing field matches no operator
    [InlineData("web.webPageDetails.pageViews.value=\"3\"", false)] // a string does not equal a number
    public void Matches_TheDocumentedOperators(string filter, bool expected)
    {
        // Act
        var matches = EventPropertyFilter.Parse(filter, "property").Matches(Event);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("web.webPageDetails.isHomepage")]
    [InlineData("=true")]
    [InlineData("web..x=1")]
    [InlineData("web.x~1")]
    public void Parse_Malformed_NamesTheParameter(string filter)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => EventPropertyFilter.Parse(filter, "property"));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidEntityRequest, ex.Error);
        Assert.Contains("'property'", ex.Message, StringComparison.Ordinal);
    }
}
