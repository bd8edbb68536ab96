using System.Text.Json;
using ProfilePlatform.Domain.SchemaRegistry.Validation;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>What happened to one collected message: accepted with its transaction id, refused by synchronous validation
/// (every violation), or refused before validation (<see cref="Problem"/>: unreadable envelope, unknown dataset...).</summary>
public sealed record CollectedMessage(string? XactionId, IReadOnlyList<XdmRecordViolation> Violations, string? Problem)
{
    public bool IsAccepted => XactionId is not null;
}

/// <summary>Streaming collection (<c>/collection/{inletId}</c> and <c>/collection/batch/{inletId}</c>): reads each message's
/// envelope, checks it against the inlet and the dataset's schema, and appends the accepted ones to the durable message log
/// — the call returns after they are committed, so a 2xx means the data is safe.</summary>
/// <remarks>
/// <para>Runs in the inlet's tenancy. Every message is validated on arrival: with synchronous validation an invalid one is
/// refused with its violations and nothing is kept; without it, it is kept, marked invalid, and lands in a failed batch of its
/// dataset with its row errors (help/ingestion/quality/streaming-validation.md: "invalid records land in a failed batch").</para>
/// <para>Raw (non-XDM) data needs a dataflow's Data Prep mapping, which this platform does not have yet: such a message is
/// refused with a 400 that says so.</para>
/// </remarks>
public sealed class StreamingCollector(StreamingTargets targets, IStreamingMessageLog log)
{
    /// <summary>Collects the messages of one request; all accepted ones are committed together before this returns.</summary>
    public async Task<IReadOnlyList<CollectedMessage>> CollectAsync(StreamingInlet inlet, IReadOnlyList<JsonElement> messages, bool syncValidation, long receivedMs, Func<int, string> xactionId, CancellationToken ct)
    {
        var tenant = new TenantKey(inlet.ImsOrg, inlet.Sandbox);
        var results = new CollectedMessage[messages.Count];
        var accepted = new List<StreamedMessage>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                var envelope = Read(inlet, messages[i]);
                var target = await targets.ResolveAsync(tenant, envelope.DatasetId, ct);
                if (!string.Equals(target.SchemaId, envelope.SchemaId, StringComparison.Ordinal))
                {
                    throw new StreamingMessageException($"'header.schemaRef.id' is {StreamingEnvelope.Short(envelope.SchemaId)} but dataset {target.DatasetId} holds records of {target.SchemaId}: the schema reference must match the dataset's schema.");
                }

                var violations = target.Check.Violations(envelope.Entity);
                if (violations.Count > 0 && syncValidation)
                {
                    results[i] = new CollectedMessage(null, violations, null);
                    continue;
                }

                var id = xactionId(i);
                accepted.Add(new StreamedMessage(tenant, inlet.InletId, target.DatasetId, violations.Count == 0, envelope.Entity, id, receivedMs));
                results[i] = new CollectedMessage(id, [], null);
            }
            catch (StreamingMessageException ex)
            {
                results[i] = new CollectedMessage(null, [], ex.Message);
            }
        }

        if (accepted.Count > 0)
        {
            await log.AppendAsync(accepted, ct);
        }

        return results;
    }

    private static StreamingEnvelope Read(StreamingInlet inlet, JsonElement message)
    {
        var looksRaw = message.ValueKind == JsonValueKind.Object && !message.TryGetProperty("header", out _) && !message.TryGetProperty("body", out _);
        if (inlet.DataType == "raw" || looksRaw)
        {
            throw new StreamingMessageException("Message has unknown xdm format: raw (non-XDM) data needs a dataflow with a Data Prep mapping (x-adobe-flow-id), which this platform does not support yet; send the record in the XDM envelope {\"header\":{...},\"body\":{\"xdmMeta\":{...},\"xdmEntity\":{...}}}.");
        }

        var envelope = StreamingEnvelope.Read(message);
        if (envelope.ImsOrgId is { } org && !string.Equals(org, inlet.ImsOrg, StringComparison.Ordinal))
        {
            throw new StreamingMessageException("Message has an absent or wrong ims org in the header: 'header.imsOrgId' must be the inlet's organization.");
        }

        return envelope;
    }
}
