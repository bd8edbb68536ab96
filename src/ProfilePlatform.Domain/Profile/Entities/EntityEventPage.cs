using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>One page of a profile's experience events as the entities API returns it (help/profile/api/entities.md,
/// "Access time series events for a profile by identity").</summary>
/// <param name="Related">The profile's identity the request named; its XID is each child's <c>relatedEntityId</c>.</param>
/// <param name="Events">The page's events in the requested order.</param>
/// <param name="Next">The token of the next page, or null on the last page.</param>
/// <param name="Options">The request's fields and order.</param>
public sealed record EntityEventPage(CompositeIdentity Related, IReadOnlyList<ExperienceEvent> Events, string? Next, EntityOptions Options)
{
    /// <summary>The page from what the store returned for <c>limit + 1</c>: the extra event only tells that a next page
    /// exists, which then starts after the page's last event.</summary>
    public static EntityEventPage From(CompositeIdentity related, IReadOnlyList<ExperienceEvent> fetched, EntityOptions options)
    {
        var page = fetched.Take(options.Limit).ToList();
        var next = fetched.Count > options.Limit ? EventPageToken.Encode(ExperienceEventPosition.Of(page[^1])) : null;
        return new EntityEventPage(related, page, next, options);
    }

    /// <summary><c>{"_page":{orderby,start,count,next},"children":[...],"_links":{"next":<paramref name="nextLink"/>}}</c>;
    /// <c>next</c> and the link's <c>href</c> are <c>""</c> on the last page, as documented.</summary>
    public JsonObject ToJson(JsonObject nextLink) => new()
    {
        ["_page"] = new JsonObject
        {
            ["orderby"] = Options.OrderBy,
            ["start"] = Events.Count > 0 ? Events[0].EventId : string.Empty,
            ["count"] = Events.Count,
            ["next"] = Next ?? string.Empty,
        },
        ["children"] = new JsonArray([.. Events.Select(Child)]),
        ["_links"] = new JsonObject { ["next"] = nextLink },
    };

    /// <summary>One event: <c>relatedEntityId</c> (the requested profile's XID), <c>entityId</c> (the event's
    /// <c>_id</c>), <c>timestamp</c> (epoch ms), <c>entity</c> (the event, projected by <c>fields</c>),
    /// <c>lastModifiedAt</c> (its ingestion time).</summary>
    private JsonNode Child(ExperienceEvent e) => new JsonObject
    {
        ["relatedEntityId"] = Related.Xid,
        ["entityId"] = e.EventId,
        ["timestamp"] = e.Timestamp.ToUnixTimeMilliseconds(),
        ["entity"] = Options.Fields is null ? e.Record : ProfileFields.Project(e.Record, Options.Fields),
        ["lastModifiedAt"] = e.IngestedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}
