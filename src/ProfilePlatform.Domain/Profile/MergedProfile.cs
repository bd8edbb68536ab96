using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Domain.Profile;

/// <summary>One merged profile as the entities API returns it (help/profile/api/entities.md; profile.yaml <c>Entity</c>).</summary>
/// <param name="RequestedIdentity">The identity looked up; its XID is the <c>entityId</c> and the response key.</param>
/// <param name="MergePolicyId">The policy used; empty when no policy exists (then no <c>mergePolicy</c> is written).</param>
/// <param name="Sources">The contributing dataset ids, highest priority first.</param>
/// <param name="Tags">The contributing batch ids (profile.yaml: "Sources of the merged XDM entity. For example: batch ids").</param>
/// <param name="IdentityGraph">XIDs of the identities the profile was built from.</param>
/// <param name="Data">The merged data; null when no fragment matched.</param>
/// <param name="LastModifiedAt">The latest ingestion time among the fragments, or null when there are none.</param>
public sealed record MergedProfile(
    CompositeIdentity RequestedIdentity,
    string MergePolicyId,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> IdentityGraph,
    MergedRecord? Data,
    DateTimeOffset? LastModifiedAt)
{
    private JsonObject? _entity;

    /// <summary>The merged data as a JSON object model, made on first use: the entities API's GET writes
    /// <see cref="Data"/> straight to the response instead (<see cref="WriteTo"/>).</summary>
    public JsonObject Entity => _entity ??= Data?.ToJsonObject() ?? [];

    /// <summary>The merged profile's id: the requested identity's XID (each requested identity gets its own key in
    /// the docs' bulk example, even for identities of one person).</summary>
    public string EntityId => RequestedIdentity.Xid;

    /// <summary>Whether no fragment matched.</summary>
    public bool IsEmpty => Sources.Count == 0;

    /// <summary>The value under <see cref="EntityId"/> in the response. An empty profile has the docs' shape
    /// <c>{"entityId","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}</c>.</summary>
    /// <param name="fields">The <c>fields</c> parameter: dot paths to keep in <c>entity</c>; null keeps everything.</param>
    public JsonObject ToJson(IReadOnlyList<string>? fields = null)
    {
        if (IsEmpty)
        {
            return EmptyJson(EntityId);
        }

        var json = new JsonObject
        {
            ["entityId"] = EntityId,
            ["sources"] = Strings(Sources),
            ["tags"] = Strings(Tags),
            ["identityGraph"] = Strings(IdentityGraph),
        };
        if (MergePolicyId.Length > 0)
        {
            json["mergePolicy"] = new JsonObject { ["id"] = MergePolicyId };
        }

        // The first answer takes Entity itself (a profile is answered once); a second call copies it.
        json["entity"] = fields is not null ? ProfileFields.Project(Entity, fields) : Entity.Parent is null ? Entity : Entity.DeepClone();
        json["lastModifiedAt"] = Format(LastModifiedAt ?? DateTimeOffset.UnixEpoch);
        return json;
    }

    /// <summary>The docs' answer for an identity without data (help/profile/api/entities.md bulk example):
    /// <c>{"entityId","sources":[""],"entity":{},"lastModifiedAt":"1970-01-01T00:00:00Z"}</c>.</summary>
    public static JsonObject EmptyJson(string entityId) => new()
    {
        ["entityId"] = entityId,
        ["sources"] = new JsonArray(JsonValue.Create(string.Empty)),
        ["entity"] = new JsonObject(),
        ["lastModifiedAt"] = Format(DateTimeOffset.UnixEpoch),
    };

    /// <summary>Writes <see cref="ToJson"/>'s object; without <c>fields</c> straight from the merged data, with them
    /// from the projection of <see cref="Entity"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="fields">The <c>fields</c> parameter: dot paths to keep in <c>entity</c>; null keeps everything.</param>
    public void WriteTo(Utf8JsonWriter writer, IReadOnlyList<string>? fields = null)
    {
        if (IsEmpty || Data is null)
        {
            EmptyJson(EntityId).WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("entityId", EntityId);
        WriteStrings(writer, "sources", Sources);
        WriteStrings(writer, "tags", Tags);
        WriteStrings(writer, "identityGraph", IdentityGraph);
        if (MergePolicyId.Length > 0)
        {
            writer.WriteStartObject("mergePolicy");
            writer.WriteString("id", MergePolicyId);
            writer.WriteEndObject();
        }

        writer.WritePropertyName("entity");
        if (fields is null)
        {
            Data.WriteTo(writer);
        }
        else
        {
            ProfileFields.Project(Entity, fields).WriteTo(writer);
        }

        writer.WriteString("lastModifiedAt", Format(LastModifiedAt ?? DateTimeOffset.UnixEpoch));
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>RFC 3339 UTC to the second, as the docs' examples (<c>2018-08-28T20:57:24Z</c>).</summary>
    private static string Format(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
