using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>An accepted message on its way to its dataset: the record (compact JSON), whether it passed the schema when it
/// arrived, and the ids the producer was answered with.</summary>
public sealed record StreamedMessage(TenantKey Tenant, string InletId, string DatasetId, bool IsValid, byte[] Record, string XactionId, long ReceivedMs);

/// <summary>The durable log of accepted messages. <see cref="AppendAsync"/> returns once the messages are committed to the
/// store — only then may the producer get its 2xx — and a background flusher moves them into Catalog batches of their
/// datasets, processed like batch ingestion.</summary>
public interface IStreamingMessageLog
{
    Task AppendAsync(IReadOnlyList<StreamedMessage> messages, CancellationToken ct);
}
