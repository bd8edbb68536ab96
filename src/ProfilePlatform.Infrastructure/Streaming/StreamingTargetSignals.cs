using System.Collections.Concurrent;

namespace ProfilePlatform.Infrastructure.Streaming;

/// <summary>Where a pending streamed message goes: its organization, sandbox, dataset, and whether it passed its schema on
/// arrival (valid and invalid messages land in separate batches).</summary>
public readonly record struct StreamingTarget(string Org, string Sandbox, string DataSetId, bool Valid);

/// <summary>The targets this node has committed messages for since its flusher last looked: the flusher flushes them at its
/// next interval without asking the database which targets have pending messages.</summary>
/// <remarks>That question is a scan of the message log's target index, and under load the front of that index is messages
/// already claimed but not yet removable (a batch's long transaction holds the horizon back), so each scan visited them
/// all: ~4–17 ms a call, four calls a second, in <c>bench/streaming.sh</c>. The flusher still asks the database every
/// <see cref="StreamingOptions.DiscoveryIntervalMs"/>, for messages committed by other nodes or before a restart.</remarks>
public sealed class StreamingTargetSignals
{
    private readonly ConcurrentDictionary<StreamingTarget, byte> targets = new();

    /// <summary>Records that messages for <paramref name="target"/> are committed.</summary>
    public void Add(StreamingTarget target) => targets.TryAdd(target, 0);

    /// <summary>The targets recorded since the last call, which are forgotten.</summary>
    public List<StreamingTarget> TakeAll()
    {
        var taken = new List<StreamingTarget>();
        foreach (var target in targets.Keys)
        {
            if (targets.TryRemove(target, out _))
            {
                taken.Add(target);
            }
        }

        return taken;
    }
}
