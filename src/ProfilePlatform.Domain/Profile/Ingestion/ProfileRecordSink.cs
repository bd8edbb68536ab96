using ProfilePlatform.Domain.Catalog;
using ProfilePlatform.Domain.Ingestion;
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
public sealed class ProfileRecordSink(ProfileDataKindResolver kinds, DescriptorService descriptors, ProfileIngestion ingestion, TimeProvider clock) : IPreparingRecordSink
{
    private (string BatchId, ProfileIngestionTarget Target)? resolved;

    /// <summary>Records are parsed, their identities read and their Profile data captured
    /// (<see cref="PreparedProfileRecord"/>) while they are checked, on every core.</summary>
    public async Task<IRecordPreparer?> PreparerAsync(Dataset dataset, Batch batch, CancellationToken ct)
    {
        var tags = dataset.Tags;
        if (!tags.ProfileEnabled && !tags.IdentityEnabled)
        {
            return null;
        }

        return new Preparer(await TargetAsync(dataset, batch, ct));
    }

    public async Task<IReadOnlyList<IngestedRecordError>> AcceptAsync(IngestedRecords records, CancellationToken ct)
    {
        var tags = records.Dataset.Tags;
        if (!tags.ProfileEnabled && !tags.IdentityEnabled || records.Records.Count == 0)
        {
            return [];
        }

        var target = await TargetAsync(records.Dataset, records.Batch, ct);
        var prepared = new PreparedProfileRecord[records.Records.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            var record = records.Records[i];
            prepared[i] = record.Prepared is PreparedProfileRecord ready && ready.Fits(target) ? ready : PreparedProfileRecord.Of(target, record.Json);
        }

        var result = await ingestion.IngestAsync(target, prepared, ct);
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

    private async Task<ProfileIngestionTarget> TargetAsync(Dataset dataset, Batch batch, CancellationToken ct)
    {
        if (resolved is { } known && known.BatchId == batch.Id)
        {
            return known.Target;
        }

        var schemaId = dataset.SchemaId;
        var kind = await kinds.KindOfAsync(schemaId, ct);
        var fields = await descriptors.IdentityFieldsAsync(schemaId, ct);
        var target = ProfileIngestionTarget.For(dataset, batch.Id, kind, fields, clock.GetUtcNow());
        resolved = (batch.Id, target);
        return target;
    }

    private sealed class Preparer(ProfileIngestionTarget target) : IRecordPreparer
    {
        public object? Prepare(ReadOnlyMemory<byte> json) => PreparedProfileRecord.Of(target, json);
    }
}
