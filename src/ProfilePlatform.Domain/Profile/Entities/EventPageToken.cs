using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>The <c>_page.next</c> / <c>start</c> value of an events page: where the next page starts, as the store's
/// keyset position of the last event already returned (timestamp ms, dataset, <c>_id</c>).</summary>
/// <remarks>AEP's docs show an event id there (<c>"next": "c8d11988-..."</c>) and say only that "the <c>_page.next</c>
/// property will contain an ID"; clients are told to follow <c>_links.next.href</c>. An <c>_id</c> alone cannot
/// place a page (ids are unique per dataset only and say nothing about time), so ours is an opaque base64url token
/// [unverified shape].</remarks>
public static class EventPageToken
{
    private const string Version = "e1";

    public static string Encode(ExperienceEventPosition after)
    {
        var text = string.Join('\n', Version, after.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), after.DatasetId, after.EventId);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The position a token encodes; throws the entities API's 400 naming <paramref name="parameter"/>.</summary>
    public static ExperienceEventPosition Decode(string token, string parameter)
    {
        string[] parts;
        try
        {
            parts = token.Length > 8192 ? [] : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n', 4);
        }
        catch (FormatException)
        {
            parts = [];
        }

        if (parts is not [Version, var ms, var dataset, var eventId]
            || !long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
            || millis > EntityParameters.MaxEpochMillis
            || dataset.Length == 0
            || eventId.Length == 0)
        {
            throw EntityErrors.Invalid($"Parameter '{parameter}' value '{EntityErrors.Short(token)}' is not a page token of this API: take it unchanged from _page.next or _links.next of the previous page.");
        }

        return new ExperienceEventPosition(DateTimeOffset.FromUnixTimeMilliseconds(millis), eventId, dataset);
    }
}
