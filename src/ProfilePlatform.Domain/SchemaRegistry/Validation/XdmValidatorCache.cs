using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.SchemaRegistry.Validation;

/// <summary>Compiled record validators by (tenant, schema <c>$id</c>), each valid for one fingerprint of the schema's
/// resources: a different fingerprint recompiles. Thread-safe; concurrent callers of one key and fingerprint share
/// one compilation; holds at most <c>capacity</c> validators, dropping the least recently used. Register one per
/// process (singleton).</summary>
/// <remarks>The caller computes the fingerprint (e.g. from the <c>$id</c>, version and last-modified time of the
/// schema and every resource it composes), so a change to a field group the schema uses is seen on the next lookup.
/// A failed compilation (the composed schema cannot be read, or cannot validate) is not cached.</remarks>
public sealed class XdmValidatorCache
{
    private readonly ConcurrentDictionary<(TenantKey Tenant, string SchemaId), Entry> entries = new();
    private readonly Lock trimLock = new();
    private readonly int capacity;
    private long clock;

    public XdmValidatorCache(int capacity = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.capacity = capacity;
    }

    /// <summary>How many validators are held.</summary>
    public int Count => entries.Count;

    /// <summary>The validator of the schema at this fingerprint, compiling it from <paramref name="composedSchema"/>
    /// (the <c>xed-full</c> form) when the cache has none. <paramref name="composedSchema"/> runs at most once per
    /// key and fingerprint at a time, without the caller's cancellation token: a caller that gives up does not fail
    /// the others waiting for the same compilation.</summary>
    public async Task<XdmRecordValidator> GetOrCompileAsync(
        TenantKey tenant, string schemaId, string fingerprint, Func<CancellationToken, Task<JsonObject>> composedSchema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(schemaId);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(composedSchema);
        var key = (tenant, schemaId);
        while (true)
        {
            if (entries.TryGetValue(key, out var existing) && existing.Fingerprint == fingerprint)
            {
                return await Use(key, existing, ct);
            }

            var fresh = new Entry(fingerprint, new Lazy<Task<XdmRecordValidator>>(() => CompileAsync(composedSchema)));
            fresh.Touch(Interlocked.Increment(ref clock)); // the newest entry must not be the one trimming drops
            var stored = existing is null ? entries.TryAdd(key, fresh) : entries.TryUpdate(key, fresh, existing);
            if (stored)
            {
                Trim();
                return await Use(key, fresh, ct);
            }

            // Another caller stored an entry for this key meanwhile: look again.
        }
    }

    /// <summary>Drops the validator of one schema (e.g. when it is deleted).</summary>
    public void Invalidate(TenantKey tenant, string schemaId) => entries.TryRemove((tenant, schemaId), out _);

    /// <summary>Drops every validator of a sandbox (e.g. when it is reset or deleted).</summary>
    public void Invalidate(TenantKey tenant)
    {
        foreach (var key in entries.Keys.Where(k => k.Tenant == tenant))
        {
            entries.TryRemove(key, out _);
        }
    }

    private static async Task<XdmRecordValidator> CompileAsync(Func<CancellationToken, Task<JsonObject>> composedSchema) =>
        XdmRecordValidator.Compile(await composedSchema(CancellationToken.None).ConfigureAwait(false));

    private async Task<XdmRecordValidator> Use((TenantKey, string) key, Entry entry, CancellationToken ct)
    {
        entry.Touch(Interlocked.Increment(ref clock));
        var compilation = entry.Validator.Value;
        try
        {
            return await compilation.WaitAsync(ct).ConfigureAwait(false);
        }
        catch when (compilation.IsFaulted || compilation.IsCanceled)
        {
            entries.TryRemove(new KeyValuePair<(TenantKey, string), Entry>(key, entry));
            throw;
        }
    }

    private void Trim()
    {
        if (entries.Count <= capacity)
        {
            return;
        }

        lock (trimLock)
        {
            var excess = entries.Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            foreach (var stale in entries.OrderBy(e => e.Value.LastUsed).Take(excess).ToList())
            {
                entries.TryRemove(stale);
            }
        }
    }

    private sealed class Entry(string fingerprint, Lazy<Task<XdmRecordValidator>> validator)
    {
        private long lastUsed;

        public string Fingerprint { get; } = fingerprint;

        public Lazy<Task<XdmRecordValidator>> Validator { get; } = validator;

        public long LastUsed => Interlocked.Read(ref lastUsed);

        public void Touch(long now) => Interlocked.Exchange(ref lastUsed, now);
    }
}
