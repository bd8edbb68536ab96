using System.Globalization;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Streaming;

namespace ProfilePlatform.Api.Features.Streaming;

/// <summary>An inlet as the older inlet API shows it (help/ingestion/tutorials/streaming-record-data.md, older versions):
/// <c>inletId</c>, <c>imsOrg</c>, <c>sourceId</c>, <c>dataType</c>, <c>name</c>, <c>description</c>, ISO times, the API key as
/// <c>createdBy</c>/<c>modifiedBy</c>, <c>authenticationRequired</c> and <c>inletUrl</c>.</summary>
internal static class InletJson
{
    public static JsonObject ToJson(this StreamingInlet inlet, string collectionBase) => new()
    {
        ["inletId"] = inlet.InletId,
        ["imsOrg"] = inlet.ImsOrg,
        ["sourceId"] = inlet.SourceId,
        ["dataType"] = inlet.DataType,
        ["name"] = inlet.Name,
        ["description"] = inlet.Description,
        ["createdAt"] = Iso(inlet.Created),
        ["createdBy"] = inlet.CreatedClient,
        ["authenticationRequired"] = inlet.AuthenticationRequired,
        ["modifiedAt"] = Iso(inlet.Updated),
        ["modifiedBy"] = inlet.CreatedClient,
        ["inletUrl"] = inlet.InletUrl(collectionBase),
    };

    private static string Iso(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
