using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Tests.Profile.Entities;

public sealed class EventPagingTests
{
    private static readonly CompositeIdentity Ecid = new("ECID", "89149270342662559642753730269986316900");
    private static readonly DateTimeOffset T0 = new(2018, 7, 10, 22, 7, 56, TimeSpan.Zero);

    [Fact]
    public void Token_RoundTrips_ThePosition()
    {
        // Arrange
        var position = new ExperienceEventPosition(T0.AddTicks(12345), "c8d11988-6b56\nodd", "ds-é");

        // Act
        var decoded = EventPageToken.Decode(EventPageToken.Encode(position), "start");

        // Assert
        Assert.Equal(position, decoded);
        Assert.Equal(T0.ToUnixTimeMilliseconds() + 1, decoded.Timestamp.ToUnixTimeMilliseconds()); // 1.2345 ms kept to the millisecond
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("YWJj")]
    [InlineData("ZTEKeHgKZHMKaWQ")] // "e1\nxx\nds\nid": the time is no number
    public void Token_Malformed_400NamingTheParameter(string token)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => EventPageToken.Decode(token, "identities[0].start"));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidEntityRequest, ex.Error);
        Assert.Contains("'identities[0].start'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_FromLimitPlusOne_HasANextTokenAfterItsLastEvent()
    {
        // Arrange
        var fetched = Enumerable.Range(0, 3).Select(i => Event($"e{i}", T0.AddSeconds(i))).ToList();

        // Act
        var page = EntityEventPage.From(Ecid, fetched, new EntityOptions(Limit: 2));

        // Assert
        Assert.Equal(["e0", "e1"], page.Events.Select(e => e.EventId));
        Assert.Equal(ExperienceEventPosition.Of(fetched[1]), EventPageToken.Decode(page.Next!, "start"));
    }

    [Fact]
    public void Page_LastPage_DocsShapeWithEmptyNextAndProjectedEntity()
    {
        // Arrange
        var page = EntityEventPage.From(Ecid, [Event("c8d11988-6b56-4571-a123-b6ce74236036", T0)], new EntityOptions(Fields: ["web", "channel"], Limit: 1));

        // Act
        var json = page.ToJson(new JsonObject { ["href"] = "" });

        // Assert
        Assert.Null(page.Next);
        Assert.Equal(
            $$$$"""{"_page":{"orderby":"timestamp","start":"c8d11988-6b56-4571-a123-b6ce74236036","count":1,"next":""},"children":[{"relatedEntityId":"{{{{Ecid.Xid}}}}","entityId":"c8d11988-6b56-4571-a123-b6ce74236036","timestamp":1531260476000,"entity":{"web":{"webPageDetails":{"name":"Fernie Snow"}},"channel":{"_type":"web"}},"lastModifiedAt":"2018-08-21T06:49:02Z"}],"_links":{"next":{"href":""}}}""",
            json.ToJsonString());
    }

    [Fact]
    public void BulkNextPayload_KeepsTheBodyWithOnlyThatIdentityAndItsStart()
    {
        // Arrange
        var request = EntityBulkRequest.Parse(JsonNode.Parse("""
            {"schema":{"name":"_xdm.context.experienceevent"},"relatedSchema":{"name":"_xdm.context.profile"},
             "identities":[{"relatedEntityId":"GkouAW-yD9aoRCPhRYROJ-TetAFW"},{"relatedEntityId":"GkouAW-2u-7iWt5vQ9u2wm40JOZY"}],
             "fields":["endUserIDs","placeContext.localTime"],"timeFilter":{"startTime":1537275882000},"limit":10}
            """));

        var token = EventPageToken.Encode(new ExperienceEventPosition(T0, "40cb2fb3", "ds1"));

        // Act
        var payload = request.NextPayload(request.Identities[0], token);

        // Assert
        Assert.Equal(
            $$"""{"schema":{"name":"_xdm.context.experienceevent"},"relatedSchema":{"name":"_xdm.context.profile"},"identities":[{"relatedEntityId":"GkouAW-yD9aoRCPhRYROJ-TetAFW","start":"{{token}}"}],"fields":["endUserIDs","placeContext.localTime"],"timeFilter":{"startTime":1537275882000},"limit":10}""",
            payload.ToJsonString());
        Assert.Equal(new ExperienceEventPosition(T0, "40cb2fb3", "ds1"), EntityBulkRequest.Parse(payload).Identities[0].Start);
    }

    [Fact]
    public void BulkParse_DocsProfileExample()
    {
        // Act
        var request = EntityBulkRequest.Parse(JsonNode.Parse("""
            {"schema":{"name":"_xdm.context.profile"},"fields":["identities","person.name","workEmail"],
             "identities":[{"entityId":"89149270342662559642753730269986316601","entityIdNS":{"code":"ECID"}},{"entityId":"A29cgveD5y64e2RixjUXNzcm"}],
             "timeFilter":{"startTime":1539838505,"endTime":1539838510},"limit":10,"orderby":"-timestamp","withCA":true}
            """));

        // Assert
        Assert.False(request.IsEvents);
        Assert.Equal(["ECID", null], request.Identities.Select(i => i.Identity.Namespace));
        Assert.True(request.Identities[1].Identity.IsXid);
        Assert.Equal(["identities", "person.name", "workEmail"], request.Options.Fields);
        Assert.Equal((10, true, true), (request.Options.Limit, request.Options.Descending, request.Options.WithComputedAttributes));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1539838510), request.Options.EndTime);
    }

    private static ExperienceEvent Event(string id, DateTimeOffset at) => ExperienceEvent.Create(
        "ds1",
        "b1",
        Ecid,
        [],
        new JsonObject
        {
            ["_id"] = id,
            ["timestamp"] = at.ToString("O"),
            ["web"] = new JsonObject { ["webPageDetails"] = new JsonObject { ["name"] = "Fernie Snow" } },
            ["channel"] = new JsonObject { ["_type"] = "web" },
        },
        new DateTimeOffset(2018, 8, 21, 6, 49, 2, TimeSpan.Zero));
}
