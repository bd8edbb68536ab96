namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>Sandboxes of the current organization (the store scopes every call to the tenancy's organization).</summary>
public interface ISandboxStore
{
    /// <summary>The live sandbox of that name, else the most recently deleted one, else null.</summary>
    Task<Sandbox?> FindAsync(string name, CancellationToken ct);

    Task<IReadOnlyList<Sandbox>> ListAsync(bool liveOnly, int offset, int limit, CancellationToken ct);

    Task<int> CountAsync(bool liveOnly, CancellationToken ct);

    /// <summary>Adds a sandbox; throws <see cref="SandboxNameTakenException"/> when a live one of that name exists.</summary>
    Task AddAsync(Sandbox sandbox, CancellationToken ct);

    /// <summary>Saves changes to a sandbox; with <paramref name="eraseData"/>, also deletes every row of that
    /// sandbox, in the same transaction (reset and delete).</summary>
    Task SaveAsync(Sandbox sandbox, bool eraseData, CancellationToken ct);
}
