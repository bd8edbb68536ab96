using System.Globalization;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>Transaction ids as DCS makes them: <c>{epochMs}:{4 digits}:{counter}</c>, and <c>{batchId}:{index}</c> for the
/// messages of a batch request (help/ingestion/tutorials/streaming-multiple-messages.md).</summary>
public static class XactionIds
{
    private static readonly string Node = Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
    private static long counter;

    public static string Next(long receivedMs) =>
        string.Create(CultureInfo.InvariantCulture, $"{receivedMs}:{Node}:{Interlocked.Increment(ref counter)}");

    public static string Item(string batchId, int index) => string.Create(CultureInfo.InvariantCulture, $"{batchId}:{index}");
}
