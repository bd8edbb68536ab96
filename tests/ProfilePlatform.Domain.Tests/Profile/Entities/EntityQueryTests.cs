using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Profile.Entities;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Tests.Profile.Entities;

public sealed class EntityQueryTests
{
    [Fact]
    public void Parse_DocsProfileExample_IdentityFieldsAndDefaults()
    {
        // Act
        var query = Parse("schema.name=_xdm.context.profile&entityId=janedoe@example.com&entityIdNS=email&fields=identities,person.name,workEmail");

        // Assert
        Assert.False(query.IsEvents);
        Assert.Equal(new EntityIdentity("janedoe@example.com", "email", "entityId", "entityIdNS"), query.Identity);
        Assert.Equal(["identities", "person.name", "workEmail"], query.Options.Fields);
        Assert.Equal((EntityParameters.MaxLimit, false, (string?)null), (query.Options.Limit, query.Options.Descending, query.Options.MergePolicyId));
        Assert.Null(query.Start);
    }

    [Fact]
    public void Parse_DocsEventsExample_RelatedIdentityTimesAndLimit()
    {
        // Act
        var query = Parse("schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=89149270342662559642753730269986316900&relatedEntityIdNS=ECID&fields=endUserIDs,web,channel&startTime=1531260476000&endTime=1531260480000&limit=1");

        // Assert
        Assert.True(query.IsEvents);
        Assert.Equal(("89149270342662559642753730269986316900", "ECID", "relatedEntityId"), (query.Identity.Id, query.Identity.Namespace, query.Identity.IdParameter));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1531260476000), query.Options.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1531260480000), query.Options.EndTime);
        Assert.Equal(1, query.Options.Limit);
    }

    [Theory]
    [InlineData("-timestamp", true)]
    [InlineData("+timestamp", false)]
    [InlineData(" timestamp", false)] // an unencoded '+' arrives as a space
    [InlineData("timestamp", false)]
    public void Parse_OrderBy_EitherSpelling(string value, bool descending)
    {
        // Act
        var lower = Parse($"schema.name=_xdm.context.profile&entityId=AAAA&orderby={value}");
        var camel = Parse($"schema.name=_xdm.context.profile&entityId=AAAA&orderBy={value}");

        // Assert
        Assert.Equal(descending, lower.Options.Descending);
        Assert.Equal(descending, camel.Options.Descending);
    }

    [Fact]
    public void Parse_EventsByEntityId_FallsBackToTheProfileIdentity()
    {
        // Act
        var query = Parse("schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&entityId=abc&entityIdNS=deviceId");

        // Assert
        Assert.Equal(("abc", "deviceId"), (query.Identity.Id, query.Identity.Namespace));
    }

    [Fact]
    public void Parse_EmptyValuesAndUnknownParameters_AreIgnored()
    {
        // Act
        var query = Parse("schema.name=_xdm.context.profile&entityId=GtghAUFkdGVzdDE&entityIdNS=&fields=&limit=&property=&foo=bar");

        // Assert
        Assert.True(query.Identity.IsXid);
        Assert.Null(query.Options.Fields);
    }

    [Fact]
    public void Parse_LimitAboveTheMaximum_ServedAsTheMaximum()
    {
        // Act / Assert
        Assert.Equal(EntityParameters.MaxLimit, Parse("schema.name=_xdm.context.profile&entityId=AAAA&limit=50000").Options.Limit);
        Assert.Equal(7, Parse("schema.name=_xdm.context.profile&entityId=AAAA&limit=7.0").Options.Limit);
    }

    [Theory]
    [InlineData("entityId=a", "'schema.name' is required")]
    [InlineData("schema.name=_xdm.context.opportunity&entityId=a", "_xdm.context.opportunity")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a@b", "is not an XID")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&entityId=b", "more than once")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&orderby=a&orderBy=b", "more than once")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&limit=1.5", "'limit'")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&startTime=1e3", "'startTime'")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&startTime=5&endTime=5", "must be before")]
    [InlineData("schema.name=_xdm.context.profile&entityId=a&fields=a.,b", "'a.'")]
    [InlineData("schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.account&relatedEntityId=a", "_xdm.context.account")]
    public void Parse_Invalid_NamesTheParameter(string query, string mentions)
    {
        // Act
        var ex = Assert.Throws<AepException>(() => Parse(query));

        // Assert
        Assert.Same(ErrorCatalog.Profile.InvalidEntityRequest, ex.Error);
        Assert.Contains(mentions, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NextHref_AsTheDocsWriteIt_StartAndOrderFirstThenTheRequestsParameters()
    {
        // Arrange
        var query = Parse("schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=89149270342662559642753730269986316900&relatedEntityIdNS=ECID&fields=endUserIDs,web,channel&startTime=1531260476000&endTime=1531260480000&limit=1&start=" + EventPageToken.Encode(new ExperienceEventPosition(DateTimeOffset.UnixEpoch, "e", "d")));

        // Act
        var href = query.NextHref("TOKEN");

        // Assert: the docs' example link, with our token
        Assert.Equal(
            "/entities?start=TOKEN&orderby=timestamp&schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=89149270342662559642753730269986316900&relatedEntityIdNS=ECID&fields=endUserIDs,web,channel&startTime=1531260476000&endTime=1531260480000&limit=1",
            href);
    }

    [Fact]
    public void NextHref_EscapesValues()
    {
        // Act
        var href = Parse("schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=a%26b%3Dc&relatedEntityIdNS=Email&orderby=-timestamp").NextHref("T");

        // Assert
        Assert.Equal("/entities?start=T&orderby=-timestamp&schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile&relatedEntityId=a%26b%3Dc&relatedEntityIdNS=Email", href);
    }

    [Fact]
    public void DeleteParse_OnlyProfiles()
    {
        // Act
        var ok = EntityDeleteQuery.Parse(Pairs("schema.name=_xdm.context.profile&entityId=x&entityIdNS=ECID&mergePolicyId=mp"));
        var ex = Assert.Throws<AepException>(() => EntityDeleteQuery.Parse(Pairs("schema.name=_xdm.context.experienceevent&entityId=x&entityIdNS=ECID")));

        // Assert
        Assert.Equal(("x", "ECID", "mp"), (ok.Identity.Id, ok.Identity.Namespace, ok.MergePolicyId));
        Assert.Contains("only _xdm.context.profile", ex.Message, StringComparison.Ordinal);
    }

    private static EntityQuery Parse(string query) => EntityQuery.Parse(Pairs(query));

    private static List<KeyValuePair<string, string>> Pairs(string query) =>
        [.. query.Split('&').Select(p => p.Split('=', 2)).Select(kv => KeyValuePair.Create(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))];
}
