using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>Whether a dataset's schema holds record or time-series data, from the Schema Registry: the XDM ExperienceEvent
/// class, or any class extending the time-series behaviour, is event data; everything else is record data.</summary>
public sealed class ProfileDataKindResolver(SchemaRegistryService registry)
{
    /// <summary>The XDM time-series behaviour, which every event class extends.</summary>
    public const string TimeSeriesBehavior = "https://ns.adobe.com/xdm/data/time-series";

    private static readonly XdmAccept Raw = XdmAccept.ForLookup("application/vnd.adobe.xed+json; version=1");

    /// <summary>The kind of the schema's data; <see cref="ProfileDataKind.Record"/> when the schema is gone.</summary>
    public async Task<ProfileDataKind> KindOfAsync(string schemaId, CancellationToken ct)
    {
        foreach (var container in new[] { XdmContainer.Tenant, XdmContainer.Global })
        {
            JsonObject schema;
            try
            {
                schema = await registry.GetAsync(container, XdmResourceType.Schema, schemaId, Raw, ct);
            }
            catch (AepException ex) when (ex.Error == ErrorCatalog.SchemaRegistry.NotFound)
            {
                continue;
            }

            var classId = schema["meta:class"] is JsonValue c && c.TryGetValue<string>(out var cls) ? cls : null;
            var extends = (schema["meta:extends"] as JsonArray ?? []).Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
            return ProfileDataKinds.ForClass(classId) == ProfileDataKind.ExperienceEvent || extends.Contains(TimeSeriesBehavior)
                ? ProfileDataKind.ExperienceEvent
                : ProfileDataKind.Record;
        }

        return ProfileDataKind.Record;
    }
}
