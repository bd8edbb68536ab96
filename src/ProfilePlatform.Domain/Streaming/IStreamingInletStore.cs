namespace ProfilePlatform.Domain.Streaming;

/// <summary>Stored inlets. Everything is scoped to the current tenancy except <see cref="FindForCollectionAsync"/>, which
/// collection uses to learn the tenant from the inlet id.</summary>
public interface IStreamingInletStore
{
    Task<StreamingInlet?> FindAsync(string inletId, CancellationToken ct);

    Task<StreamingInlet?> FindByConnectionAsync(string connectionId, CancellationToken ct);

    Task<IReadOnlyList<StreamingInlet>> ListAsync(CancellationToken ct);

    /// <summary>The inlet with this id in any organization and sandbox.</summary>
    Task<StreamingInlet?> FindForCollectionAsync(string inletId, CancellationToken ct);

    Task AddAsync(StreamingInlet inlet, CancellationToken ct);

    Task RemoveAsync(StreamingInlet inlet, CancellationToken ct);
}
