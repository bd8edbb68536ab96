using System.Text;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>A GET <c>/access/entities</c> request, validated: a profile by its identity, or the experience events
/// related to a profile (help/profile/api/entities.md, query parameters appendix).</summary>
/// <param name="SchemaName"><c>_xdm.context.profile</c> or <c>_xdm.context.experienceevent</c>.</param>
/// <param name="Identity">The profile's identity: <c>entityId</c>(+<c>entityIdNS</c>), or for events
/// <c>relatedEntityId</c>(+<c>relatedEntityIdNS</c>).</param>
/// <param name="Options">Fields, merge policy, time filter, limit, order.</param>
/// <param name="Start">Where an events page starts (<c>start</c>, from a previous page's next link).</param>
/// <param name="Parameters">The request's parameters in order, to build the next page's link.</param>
/// <param name="Properties">The <c>property</c> filters of an events lookup (at most three).</param>
public sealed record EntityQuery(
    string SchemaName,
    EntityIdentity Identity,
    EntityOptions Options,
    Storage.ExperienceEventPosition? Start,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<EventPropertyFilter> Properties)
{
    /// <summary>The parameters the API reads (help/profile/api/entities.md appendix, plus <c>start</c> of next links).</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "schema.name", "relatedSchema.name", "entityId", "entityIdNS", "relatedEntityId", "relatedEntityIdNS", "fields",
        "mergePolicyId", "startTime", "endTime", "limit", "orderby", "orderBy", "property", "withCA", "start",
    };

    public bool IsEvents => SchemaName == EntitySchemas.ExperienceEvent;

    /// <summary>Validates a GET query. Empty values count as absent (Adobe's Postman collection sends every parameter,
    /// most of them empty); a parameter given twice with values is refused, except <c>property</c> (up to three
    /// filters); unknown parameters are ignored.</summary>
    public static EntityQuery Parse(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var properties = new List<string>();
        foreach (var (key, value) in parameters)
        {
            if (value.Length == 0 || !Known.Contains(key))
            {
                continue;
            }

            if (key == "property")
            {
                properties.Add(value);
                continue;
            }

            var name = key == "orderBy" ? "orderby" : key;
            if (!values.TryAdd(name, value))
            {
                throw EntityErrors.Invalid($"Parameter '{key}' is given more than once: send it once.");
            }
        }

        string? Get(string name) => values.GetValueOrDefault(name);

        var schema = Get("schema.name") ?? throw EntityErrors.Invalid("Parameter 'schema.name' is required: _xdm.context.profile for a profile, _xdm.context.experienceevent for its time series events.");
        EntityIdentity identity;
        switch (schema)
        {
            case EntitySchemas.Profile:
                identity = EntityIdentity.Of(Get("entityId"), Get("entityIdNS"), "entityId", "entityIdNS");
                break;
            case EntitySchemas.ExperienceEvent:
                var related = Get("relatedSchema.name");
                if (related != EntitySchemas.Profile)
                {
                    throw EntityErrors.Invalid(related is null
                        ? "Parameter 'relatedSchema.name' is required with schema.name=_xdm.context.experienceevent: give _xdm.context.profile, the schema of the profile the events belong to."
                        : $"Parameter 'relatedSchema.name' value '{EntityErrors.Short(related)}' is not supported: events are related to _xdm.context.profile.");
                }

                // The docs use relatedEntityId/relatedEntityIdNS; clients written for AEP also send the profile's identity
                // as entityId/entityIdNS with the event schema, which AEP serves too [unverified beyond client code].
                identity = Get("relatedEntityId") is not null
                    ? EntityIdentity.Of(Get("relatedEntityId"), Get("relatedEntityIdNS"), "relatedEntityId", "relatedEntityIdNS")
                    : EntityIdentity.Of(Get("entityId"), Get("entityIdNS"), "relatedEntityId", "relatedEntityIdNS");
                break;
            default:
                throw EntityErrors.Invalid($"Parameter 'schema.name' value '{EntityErrors.Short(schema)}' is not supported: use _xdm.context.profile (profiles) or _xdm.context.experienceevent with relatedSchema.name=_xdm.context.profile (their events).");
        }

        if (properties.Count > 0 && schema != EntitySchemas.ExperienceEvent)
        {
            throw EntityErrors.Invalid("Parameter 'property' filters experience events only: use it with schema.name=_xdm.context.experienceevent.");
        }

        if (properties.Count > EventPropertyFilter.MaxFilters)
        {
            throw EntityErrors.Invalid($"Parameter 'property' is given {properties.Count} times: at most {EventPropertyFilter.MaxFilters} property filters are supported.");
        }

        var start = Get("startTime") is { } s ? EntityParameters.Time(s, "startTime") : (DateTimeOffset?)null;
        var end = Get("endTime") is { } e ? EntityParameters.Time(e, "endTime") : (DateTimeOffset?)null;
        EntityParameters.TimeRange(start, end, "startTime", "endTime");
        var options = new EntityOptions(
            Get("fields") is { } f ? EntityParameters.Fields(f.Split(','), "fields") : null,
            Get("mergePolicyId"),
            start,
            end,
            Get("limit") is { } l ? EntityParameters.Limit(l, "limit") : EntityParameters.MaxLimit,
            Get("orderby") is { } o && EntityParameters.Descending(o, "orderby"),
            Get("withCA") is { } ca && EntityParameters.Flag(ca, "withCA"));
        var page = Get("start") is { } token ? EventPageToken.Decode(token, "start") : null;
        return new EntityQuery(schema, identity, options, page, parameters, [.. properties.Select(p => EventPropertyFilter.Parse(p, "property"))]);
    }

    /// <summary>The next page's link as the docs write it: <c>/entities?start=..&amp;orderby=..&amp;</c> followed by the
    /// request's other parameters (help/profile/api/entities.md, "Access a subsequent page of results").</summary>
    public string NextHref(string token)
    {
        var href = new StringBuilder("/entities?start=").Append(Uri.EscapeDataString(token))
            .Append("&orderby=").Append(Uri.EscapeDataString(Options.OrderBy));
        foreach (var (key, value) in Parameters)
        {
            if (key is "start" or "orderby" or "orderBy")
            {
                continue;
            }

            href.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Escape(value));
        }

        return href.ToString();
    }

    /// <summary>Escapes a value but keeps the characters the docs' links show verbatim (commas of <c>fields</c>).</summary>
    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal);
}
