using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Domain.SchemaRegistry;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>The batch ingestion step that hands the records of Profile- or Identity-enabled datasets
/// (<c>unifiedProfile</c> / <c>unifiedIdentity</c> tags) to <see cref="ProfileIngestion"/>: identities linked, fragments
/// upserted, events appended — inside the batch's transaction, so they are committed with the batch's <c>success</c>.</summary>
/// <remarks>
/// <para>Resolved once per batch (the sink is scoped to one batch's processing): the schema's class decides record or event
/// data (the ExperienceEvent class, or any class extending the time-series behaviour, is event data), the Schema Registry's
/// identity descriptors give the identity fields, and one ingestion time stamps every link, fragment and event.</para>
/// <para>Record problems come back as row errors of codes 1601 (skipped by Identity Service and Profile), 1602 (an identity
/// dropped) and 1603 (linked, not in Profile). The records themselves stay in the dataset: AEP's data lake keeps what
/// Profile drops.</para>
/// </remarks>
public sealed class ProfileRecordSink(SchemaRegistryService registry, DescriptorService descriptors, ProfileIngestion ingestion, TimeProvider clock) : IIngestedRecordSink
{
    /// <summary>The XDM time-series behaviour, which every event class extends.</summary>
    public const string TimeSeriesBehavior = "https://ns.adobe.com/xdm/data/time-series";

    private static readonly XdmAccept Raw = XdmAccept.ForLookup("application/vnd.adobe.xed+json; version=1");

    private (string BatchId, ProfileIngestionTarget Target)? resolved;

    public async Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct)
    {
        var tags = records.Dataset.Tags;
        if (!tags.ProfileEnabled && !tags.IdentityEnabled || records.Records.Count == 0)
        {
            return [];
        }

        var target = await TargetAsync(records, ct);
        var result = await ingestion.IngestAsync(target, [.. records.Records.Select(r => r.Json)], ct);
        return [.. result.WithErrors.Select(outcome => new IngestedRecordError(outcome.Index, [.. outcome.Errors.Select(ProblemOf)]))];
    }

    /// <summary>The row problem of a Profile record error.</summary>
    public static RowProblem ProblemOf(ProfileRecordError error) => new(
        error.Outcome switch
        {
            ProfileErrorOutcome.RecordSkipped => IngestionErrorCodes.RowProfileSkipped,
            ProfileErrorOutcome.IdentityDropped => IngestionErrorCodes.RowIdentityDropped,
            _ => IngestionErrorCodes.RowNotInProfile,
        },
        error.IdentityProblem is { } identity ? $"identity:{identity}" : error.Problem.ToString(),
        Pointer(error.Source),
        error.Message);

    private static string Pointer(string source) =>
        source.Length == 0 || source.StartsWith('/') ? source : "/" + source;

    private async Task<ProfileIngestionTarget> TargetAsync(IngestedRecords records, CancellationToken ct)
    {
        if (resolved is { } known && known.BatchId == records.Batch.Id)
        {
            return known.Target;
        }

        var schemaId = records.Dataset.SchemaId;
        var kind = await KindAsync(schemaId, ct);
        var fields = await descriptors.IdentityFieldsAsync(schemaId, ct);
        var target = ProfileIngestionTarget.For(records.Dataset, records.Batch.Id, kind, fields, clock.GetUtcNow());
        resolved = (records.Batch.Id, target);
        return target;
    }

    private async Task<ProfileDataKind> KindAsync(string schemaId, CancellationToken ct)
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
