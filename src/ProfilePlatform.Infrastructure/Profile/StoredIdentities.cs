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

    /// <summary><see cref="Read(string)"/> of the list's UTF-8 text, read token by token: the entity lookup reads one
    /// list per fragment, and the serializer's read state cost more than the list itself.</summary>
    public static IReadOnlyList<CompositeIdentity> Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(reader.TokenType == JsonTokenType.StartArray);
        var identities = new List<CompositeIdentity>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(reader.TokenType == JsonTokenType.StartObject);
            string? ns = null, id = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                Expect(reader.TokenType == JsonTokenType.PropertyName);
                var isNs = reader.ValueTextEquals("ns"u8);
                var isId = !isNs && reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isNs)
                {
                    ns = reader.GetString();
                }
                else if (isId)
                {
                    id = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            Expect(ns is not null && id is not null);
            identities.Add(new CompositeIdentity(ns!, id!));
        }

        return identities;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new JsonException("A stored identity list must be an array of {\"ns\", \"id\"} objects.");
        }
    }

    /// <summary>base64url(SHA-256(<c>_id</c>)): 43 characters whatever the <c>_id</c>'s length.</summary>
    public static string EventKey(string eventId) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    internal sealed record Item([property: JsonPropertyName("ns")] string Ns, [property: JsonPropertyName("id")] string Id);

    [JsonSerializable(typeof(List<Item>))]
    internal sealed partial class Json : JsonSerializerContext;
}
