using System.Text.Json;
using ProfilePlatform.Domain.Identity;
using ProfilePlatform.Domain.Identity.Graph;
using ProfilePlatform.Domain.Profile.Storage;

namespace ProfilePlatform.Domain.Profile.Ingestion;

/// <summary>What Identity Service and Profile do with the accepted records of a batch: extract each record's
/// identities, link them in the identity graph (identity-enabled datasets), and update the fragment of the record's
/// primary identity or append the event (Profile-enabled datasets). Ingestion's record sink calls it per segment.</summary>
/// <remarks>
/// <para>Work per call, not per record: namespace lookups are memoized, the graph is linked in one mutation per
/// <see cref="LinkChunk"/> records (each record still linked in input order, so the result equals linking them one by
/// one), fragments are upserted and events appended in chunks of <see cref="WriteChunk"/>. Several records for the
/// same fragment in one call are applied in input order.</para>
/// <para>Outcomes (docs/profile-store.md): a guardrail that skips the record (identity-service/guardrails.md) stores
/// nothing for it; a dropped identity is reported and the record goes on; a record of a Profile-enabled dataset
/// without a primary identity is linked but not stored in Profile [unverified: AEP's Profile drops such records, the
/// report wording is ours]; an event without <c>_id</c> or <c>timestamp</c> likewise.</para>
/// </remarks>
public sealed class ProfileIngestion(
    IIdentityNamespaceCatalog namespaces,
    IdentityGraphService graph,
    IProfileFragmentStore fragments,
    IExperienceEventStore events)
{
    /// <summary>Records linked in one graph mutation: a whole ingestion segment (4,096 records by default), so that its
    /// locks, reads and writes are paid once per segment (docs/profile-store.md "Figures"). A store write of that size
    /// inside a batch's transaction holds one sandbox lock; one in its own transaction with more keys than a handful of
    /// per-key locks takes the sandbox's lock too.</summary>
    public const int LinkChunk = 4096;

    /// <summary>Fragments or events written per store call.</summary>
    public const int WriteChunk = 4096;

    /// <summary>Ingests records given as UTF-8 JSON (one record each, as ingestion stores them).</summary>
    public Task<ProfileIngestionResult> IngestAsync(ProfileIngestionTarget target, IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken ct)
    {
        var prepared = new PreparedProfileRecord[records.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = PreparedProfileRecord.Of(target, records[i]);
        }

        return IngestAsync(target, prepared, ct);
    }

    /// <summary>Ingests parsed records.</summary>
    public Task<ProfileIngestionResult> IngestAsync(ProfileIngestionTarget target, IReadOnlyList<JsonElement> records, CancellationToken ct)
    {
        var prepared = new PreparedProfileRecord[records.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = PreparedProfileRecord.Of(target, records[i]);
        }

        return IngestAsync(target, prepared, ct);
    }

    /// <summary>Ingests records already prepared (<see cref="PreparedProfileRecord.Of(ProfileIngestionTarget, ReadOnlyMemory{byte})"/>,
    /// typically on other cores): what is left is the namespace lookups, the linking and the writes. A record prepared for
    /// another target is refused with <see cref="ArgumentException"/>.</summary>
    public async Task<ProfileIngestionResult> IngestAsync(ProfileIngestionTarget target, IReadOnlyList<PreparedProfileRecord> records, CancellationToken ct)
    {
        var work = new RecordWork[records.Count];
        if (!target.IsEnabled)
        {
            return new ProfileIngestionResult([.. records.Select((_, i) => new ProfileRecordOutcome(i, LinkOutcome.NotLinked, ProfileWrite.None, []))]);
        }

        var extractor = new IdentityExtractor(new MemoizedNamespaceCatalog(namespaces));
        var source = new LinkSource(target.DatasetId, target.BatchId, target.IngestedAt);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!record.Fits(target))
            {
                throw new ArgumentException($"Record {i} was prepared for another dataset schema or data kind than {target.DatasetId}'s.", nameof(records));
            }

            if (!record.IsObject)
            {
                work[i] = NotAnObject();
                continue;
            }

            var resolving = extractor.ResolveAsync(record.Scan, ct);
            var extraction = resolving.IsCompletedSuccessfully ? resolving.Result : await resolving;
            work[i] = Prepare(target, source, record, extraction);
        }

        await LinkAsync(target, work, ct);
        await WriteAsync(work, ct);
        var outcomes = new ProfileRecordOutcome[work.Length];
        for (var i = 0; i < work.Length; i++)
        {
            outcomes[i] = new ProfileRecordOutcome(i, work[i].Link, work[i].Written, work[i].Errors);
        }

        return new ProfileIngestionResult(outcomes);
    }

    private static RecordWork NotAnObject()
    {
        var work = new RecordWork();
        work.Errors.Add(new ProfileRecordError(
            ProfileRecordProblem.NotAnObject,
            ProfileErrorOutcome.RecordSkipped,
            "",
            "The record is not a JSON object: each record must be one XDM object."));
        return work;
    }

    private static RecordWork Prepare(ProfileIngestionTarget target, LinkSource source, PreparedProfileRecord record, IdentityExtraction extraction)
    {
        var work = new RecordWork();
        foreach (var error in extraction.Errors)
        {
            work.Errors.Add(ProfileRecordError.From(error));
        }

        if (extraction.IsRecordSkipped)
        {
            return work;
        }

        if (target.IdentityEnabled)
        {
            work.LinkRequest = new IdentityLinkRequest(extraction.LinkableIdentities, source);
        }

        if (target.ProfileEnabled)
        {
            PrepareProfileData(target, extraction, record, work);
        }

        return work;
    }

    private static void PrepareProfileData(ProfileIngestionTarget target, IdentityExtraction extraction, PreparedProfileRecord record, RecordWork work)
    {
        if (extraction.Primary is not { } primary)
        {
            work.Errors.Add(new ProfileRecordError(
                ProfileRecordProblem.PrimaryIdentityMissing,
                ProfileErrorOutcome.NotInProfile,
                "",
                "The record has no primary identity, so Profile cannot store it: fill the schema's primary identity field, or mark one identityMap entry \"primary\": true."));
            return;
        }

        var identities = new List<CompositeIdentity>(extraction.Identities.Count);
        foreach (var identity in extraction.Identities)
        {
            identities.Add(identity.Identity);
        }

        if (target.Kind == ProfileDataKind.Record)
        {
            work.Fragment = new ProfileFragmentWrite(target.DatasetId, target.BatchId, primary.Identity, identities, record.Json, record.LastUpdated, target.IngestedAt);
            return;
        }

        if (record.EventProblem is { } problem)
        {
            work.Errors.Add(new ProfileRecordError(ProfileRecordProblem.EventInvalid, ProfileErrorOutcome.NotInProfile, record.EventProblemSource, problem));
            return;
        }

        work.Event = ExperienceEvent.FromJson(target.DatasetId, target.BatchId, primary.Identity, identities, record.Json, record.EventId!, record.EventTimestamp, target.IngestedAt);
    }

    private async Task LinkAsync(ProfileIngestionTarget target, RecordWork[] work, CancellationToken ct)
    {
        if (!target.IdentityEnabled)
        {
            return;
        }

        var linking = work.Where(w => w.LinkRequest is not null).ToList();
        foreach (var chunk in linking.Chunk(LinkChunk))
        {
            var outcomes = await graph.LinkAsync([.. chunk.Select(w => w.LinkRequest!)], ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i].Link = outcomes[i];
            }
        }
    }

    private async Task WriteAsync(RecordWork[] work, CancellationToken ct)
    {
        foreach (var chunk in work.Where(w => w.Fragment is not null).Chunk(WriteChunk))
        {
            await fragments.UpsertAsync([.. chunk.Select(w => w.Fragment!)], ct);
            foreach (var w in chunk)
            {
                w.Written = ProfileWrite.Fragment;
            }
        }

        foreach (var chunk in work.Where(w => w.Event is not null).Chunk(WriteChunk))
        {
            await events.AppendAsync([.. chunk.Select(w => w.Event!)], ct);
            foreach (var w in chunk)
            {
                w.Written = ProfileWrite.Event;
            }
        }
    }

    /// <summary>One record on its way through the steps.</summary>
    private sealed class RecordWork
    {
        public List<ProfileRecordError> Errors { get; } = [];

        public IdentityLinkRequest? LinkRequest { get; set; }

        public LinkOutcome Link { get; set; } = LinkOutcome.NotLinked;

        public ProfileFragmentWrite? Fragment { get; set; }

        public ExperienceEvent? Event { get; set; }

        public ProfileWrite Written { get; set; }
    }
}
