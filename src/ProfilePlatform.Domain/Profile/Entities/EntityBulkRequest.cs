using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.JsonText;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>One identity of a POST <c>/access/entities</c> body, with where its events page starts.</summary>
/// <param name="Identity">The identity.</param>
/// <param name="Start">The entry's <c>start</c> (from a previous answer's <c>_links.next.payload</c>).</param>
/// <param name="Entry">The entry as sent, for the next page's payload.</param>
public sealed record EntityBulkIdentity(EntityIdentity Identity, ExperienceEventPosition? Start, JsonObject Entry);

/// <summary>A POST <c>/access/entities</c> body, validated (profile.yaml <c>PostRequestBodyEntity</c>,
/// help/profile/api/entities.md "Access profile data by list of identities" and "Access time series events for
/// multiple profiles by identities").</summary>
/// <param name="SchemaName"><c>schema.name</c>.</param>
/// <param name="Identities">The entries of <c>identities</c>.</param>
/// <param name="Options">Fields, merge policy, time filter, limit, order.</param>
/// <param name="Body">The body as sent, to build next-page payloads from.</param>
public sealed record EntityBulkRequest(string SchemaName, IReadOnlyList<EntityBulkIdentity> Identities, EntityOptions Options, JsonObject Body)
{
    /// <summary>Most identities one request takes [unverified: AEP documents no bound].</summary>
    public const int MaxIdentities = 100;

    public bool IsEvents => SchemaName == EntitySchemas.ExperienceEvent;

    public static EntityBulkRequest Parse(JsonNode? body)
    {
        if (body is not JsonObject o)
        {
            throw EntityErrors.Invalid($"The request body must be a JSON object such as {{\"schema\":{{\"name\":\"_xdm.context.profile\"}},\"identities\":[{{\"entityId\":\"jane@example.com\",\"entityIdNS\":{{\"code\":\"Email\"}}}}]}}, not {Describe(body)}.");
        }

        if (JsonDuplicateKeys.Find(o) is { } duplicate)
        {
            throw EntityErrors.Invalid($"The JSON names property '{EntityErrors.Short(duplicate)}' twice in one object: send each property once.");
        }

        var schema = Name(o, "schema") ?? throw EntityErrors.Invalid("Field 'schema.name' is required: _xdm.context.profile for profiles, _xdm.context.experienceevent (with relatedSchema.name _xdm.context.profile) for their events.");
        var events = schema switch
        {
            EntitySchemas.Profile => false,
            EntitySchemas.ExperienceEvent => true,
            _ => throw EntityErrors.Invalid($"Field 'schema.name' value '{EntityErrors.Short(schema)}' is not supported: use _xdm.context.profile or _xdm.context.experienceevent."),
        };
        if (events && Name(o, "relatedSchema") != EntitySchemas.Profile)
        {
            throw EntityErrors.Invalid("Field 'relatedSchema.name' must be _xdm.context.profile with schema.name _xdm.context.experienceevent: the schema of the profiles the events belong to.");
        }

        if (o["identities"] is not JsonArray list || list.Count == 0 || list.Count > MaxIdentities)
        {
            throw EntityErrors.Invalid($"Field 'identities' must be an array of 1 to {MaxIdentities} identities, each {{\"entityId\":\"<value>\",\"entityIdNS\":{{\"code\":\"<namespace>\"}}}} or {{\"entityId\":\"<XID>\"}}.");
        }

        var identities = list.Select((item, i) => Entry(item, i, events)).ToList();
        var time = o["timeFilter"];
        if (time is not null and not JsonObject)
        {
            throw EntityErrors.Invalid($"Field 'timeFilter' must be an object {{\"startTime\":<ms>,\"endTime\":<ms>}}, not {Describe(time)}.");
        }

        var start = Time(time?["startTime"], "timeFilter.startTime");
        var end = Time(time?["endTime"], "timeFilter.endTime");
        EntityParameters.TimeRange(start, end, "timeFilter.startTime", "timeFilter.endTime");
        var options = new EntityOptions(
            Fields(o["fields"]),
            OptionalString(o, "mergePolicyId"),
            start,
            end,
            o["limit"] switch
            {
                null => EntityParameters.MaxLimit,
                JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var n) => EntityParameters.Limit(n, "limit"),
                var other => throw EntityErrors.Invalid($"Field 'limit' must be a whole number from 1, not {Describe(other)}."),
            },
            (OptionalString(o, "orderby") ?? OptionalString(o, "orderBy")) is { } order && EntityParameters.Descending(order, "orderby"),
            o["withCA"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                JsonValue v when v.GetValueKind() == JsonValueKind.String => EntityParameters.Flag(PlainText.Read(v) ?? string.Empty, "withCA"),
                var other => throw EntityErrors.Invalid($"Field 'withCA' must be true or false, not {Describe(other)}."),
            });
        return new EntityBulkRequest(schema, identities, options, o);
    }

    private static EntityBulkIdentity Entry(JsonNode? item, int index, bool events)
    {
        var at = $"identities[{index}]";
        if (item is not JsonObject entry)
        {
            throw EntityErrors.Invalid($"Field '{at}' must be an object {{\"entityId\":\"<value>\",\"entityIdNS\":{{\"code\":\"<namespace>\"}}}} or {{\"entityId\":\"<XID>\"}}, not {Describe(item)}.");
        }

        // Events entries name the profile with relatedEntityId (the docs), or entityId as profile lookups do.
        var prefix = events && entry.ContainsKey("relatedEntityId") ? "relatedEntityId" : "entityId";
        var id = OptionalString(entry, prefix, at);
        var ns = Namespace(entry[prefix + "NS"], $"{at}.{prefix}NS");
        var identity = EntityIdentity.Of(id, ns, $"{at}.{prefix}", $"{at}.{prefix}NS");
        var start = OptionalString(entry, "start", at) is { } token ? EventPageToken.Decode(token, $"{at}.start") : null;
        return new EntityBulkIdentity(identity, start, entry);
    }

    /// <summary><c>entityIdNS</c>: <c>{"code":"ECID"}</c> as documented, or the bare code.</summary>
    private static string? Namespace(JsonNode? node, string at) => node switch
    {
        null => null,
        JsonObject o => OptionalString(o, "code", at) ?? throw EntityErrors.Invalid($"Field '{at}.code' is required: the namespace code, e.g. {{\"code\":\"ECID\"}}."),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => PlainText.Read(v) is { Length: > 0 } code ? code : throw EntityErrors.Invalid($"Field '{at}' is blank: give {{\"code\":\"<namespace>\"}}."),
        _ => throw EntityErrors.Invalid($"Field '{at}' must be an object {{\"code\":\"<namespace code>\"}}, not {Describe(node)}."),
    };

    private static IReadOnlyList<string>? Fields(JsonNode? node) => node switch
    {
        null => null,
        JsonArray items => EntityParameters.Fields(items.Select((f, i) => f is JsonValue v && v.GetValueKind() == JsonValueKind.String && PlainText.Read(v) is { } s
            ? s
            : throw EntityErrors.Invalid($"Field 'fields[{i}]' must be a string field path such as person.name, not {Describe(f)}.")), "fields"),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => EntityParameters.Fields((PlainText.Read(v) ?? string.Empty).Split(','), "fields"),
        _ => throw EntityErrors.Invalid($"Field 'fields' must be an array of field paths such as [\"person.name\",\"workEmail\"], not {Describe(node)}."),
    };

    private static DateTimeOffset? Time(JsonNode? node, string at) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var n) => EntityParameters.Time(n, at),
        _ => throw EntityErrors.Invalid($"Field '{at}' must be a number of milliseconds since 1970-01-01T00:00:00Z, not {Describe(node)}."),
    };

    private static string? Name(JsonObject o, string property) =>
        o[property] is JsonObject named ? OptionalString(named, "name", property) : o[property] is null ? null
        : throw EntityErrors.Invalid($"Field '{property}' must be an object {{\"name\":\"<class>\"}}, not {Describe(o[property])}.");

    private static string? OptionalString(JsonObject o, string property, string? parent = null) => o[property] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && PlainText.Read(v) is { } s => s.Length == 0 ? null : s,
        var other => throw EntityErrors.Invalid($"Field '{(parent is null ? property : parent + "." + property)}' must be a string, not {Describe(other)}."),
    };

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>The body of the request for the next page of one identity: this body with <c>identities</c> reduced
    /// to that identity's entry and its <c>start</c> (the docs' <c>_links.next.payload</c>).</summary>
    public JsonObject NextPayload(EntityBulkIdentity identity, string token)
    {
        var payload = (JsonObject)Body.DeepClone();
        var entry = (JsonObject)identity.Entry.DeepClone();
        entry["start"] = token;
        payload["identities"] = new JsonArray(entry);
        return payload;
    }
}
