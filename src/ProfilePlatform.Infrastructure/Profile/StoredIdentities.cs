using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>The JSON form of a fragment's or event's identity list, and the event key hash.</summary>
internal static partial class StoredIdentities
{
    public static string Write(IEnumerable<CompositeIdentity> identities) =>
        JsonSerializer.Serialize(identities.Select(i => new Item(i.Namespace, i.Value)).ToList(), Json.Default.ListItem);

    public static IReadOnlyList<CompositeIdentity> Read(string json) =>
        [.. (JsonSerializer.Deserialize(json, Json.Default.ListItem) ?? []).Select(i => new CompositeIdentity(i.Ns, i.Id))];

    /// <summary><see cref="Read(string)"/> of the list's UTF-8 text.</summary>
    public static IReadOnlyList<CompositeIdentity> Read(ReadOnlySpan<byte> utf8Json) =>
        [.. (JsonSerializer.Deserialize(utf8Json, Json.Default.ListItem) ?? []).Select(i => new CompositeIdentity(i.Ns, i.Id))];

    /// <summary>base64url(SHA-256(<c>_id</c>)): 43 characters whatever the <c>_id</c>'s length.</summary>
    public static string EventKey(string eventId) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    internal sealed record Item([property: JsonPropertyName("ns")] string Ns, [property: JsonPropertyName("id")] string Id);

    [JsonSerializable(typeof(List<Item>))]
    internal sealed partial class Json : JsonSerializerContext;
}
