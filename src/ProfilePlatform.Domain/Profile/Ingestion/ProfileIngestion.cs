using System.Text.Json;
using System.Text.Json.Nodes;
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
        var parsed = new JsonElement?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                parsed[i] = JsonSerializer.Deserialize<JsonElement>(records[i].Span);
            }
            catch (JsonException)
            {
                parsed[i] = null;
            }
        }

        return IngestAsync(target, parsed, ct);
    }

    /// <summary>Ingests parsed records.</summary>
    public Task<ProfileIngestionResult> IngestAsync(ProfileIngestionTarget target, IReadOnlyList<JsonElement> records, CancellationToken ct) =>
        IngestAsync(target, [.. records.Select(r => (JsonElement?)r)], ct);

    private async Task<ProfileIngestionResult> IngestAsync(ProfileIngestionTarget target, JsonElement?[] records, CancellationToken ct)
    {
        var work = new RecordWork[records.Length];
        if (!target.IsEnabled)
        {
            return new ProfileIngestionResult([.. records.Select((_, i) => new ProfileRecordOutcome(i, LinkOutcome.NotLinked, ProfileWrite.None, []))]);
        }

        var extractor = new IdentityExtractor(new MemoizedNamespaceCatalog(namespaces));
        for (var i = 0; i < records.Length; i++)
        {
            work[i] = await PrepareAsync(target, extractor, records[i], ct);
        }

        await LinkAsync(target, work, ct);
        await WriteAsync(work, ct);
        return new ProfileIngestionResult([.. work.Select((w, i) => new ProfileRecordOutcome(i, w.Link, w.Written, w.Errors))]);
    }

    private static async Task<RecordWork> PrepareAsync(ProfileIngestionTarget target, IdentityExtractor extractor, JsonElement? parsed, CancellationToken ct)
    {
        var work = new RecordWork();
        if (parsed is not { ValueKind: JsonValueKind.Object } record)
        {
            work.Errors.Add(new ProfileRecordError(
                ProfileRecordProblem.NotAnObject,
                ProfileErrorOutcome.RecordSkipped,
                "",
                "The record is not a JSON object: each record must be one XDM object."));
            return work;
        }

        var extraction = await extractor.ExtractAsync(record, target.IdentityFields, ct);
        work.Errors.AddRange(extraction.Errors.Select(ProfileRecordError.From));
        if (extraction.IsRecordSkipped)
        {
            return work;
        }

        if (target.IdentityEnabled)
        {
            work.LinkRequest = new IdentityLinkRequest(extraction.LinkableIdentities, new LinkSource(target.DatasetId, target.BatchId, target.IngestedAt));
        }

        if (target.ProfileEnabled)
        {
            PrepareProfileData(target, extraction, record, work);
        }

        return work;
    }

    private static void PrepareProfileData(ProfileIngestionTarget target, IdentityExtraction extraction, JsonElement record, RecordWork work)
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

        var data = JsonObject.Create(record)!;
        var identities = extraction.Identities.Select(i => i.Identity).ToList();
        if (target.Kind == ProfileDataKind.Record)
        {
            work.Fragment = new ProfileFragmentWrite(target.DatasetId, target.BatchId, primary.Identity, identities, data, target.IngestedAt);
            return;
        }

        if (ExperienceEvent.Problem(data) is { } problem)
        {
            var hasId = data["_id"] is JsonValue id && id.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text);
            work.Errors.Add(new ProfileRecordError(ProfileRecordProblem.EventInvalid, ProfileErrorOutcome.NotInProfile, hasId ? "timestamp" : "_id", problem));
            return;
        }

        work.Event = ExperienceEvent.Create(target.DatasetId, target.BatchId, primary.Identity, identities, data, target.IngestedAt);
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
