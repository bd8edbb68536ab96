using System.Collections.Concurrent;

namespace ProfilePlatform.Domain.Streaming;

/// <summary>Inlets collection has looked up recently, for two seconds: every message names its inlet, and the inlet rarely
/// changes. A delete on this node forgets it at once; another node may accept messages for a deleted inlet for up to two
/// seconds (they still need an existing dataset to land).</summary>
public sealed class InletCache(TimeProvider clock)
{
    private const long LifetimeMs = 2000;
    private readonly ConcurrentDictionary<string, (StreamingInlet Inlet, long Expires)> entries = new(StringComparer.Ordinal);

    public async Task<StreamingInlet?> GetAsync(string inletId, Func<Task<StreamingInlet?>> load)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (entries.TryGetValue(inletId, out var hit) && hit.Expires > now)
        {
            return hit.Inlet;
        }

        var inlet = await load();
        if (inlet is not null)
        {
            entries[inletId] = (inlet, now + LifetimeMs);
        }

        return inlet;
    }

    public void Forget(string inletId) => entries.TryRemove(inletId.ToLowerInvariant(), out _);
}
