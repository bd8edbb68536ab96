namespace ProfilePlatform.Domain.Profile.Storage;

/// <summary>Removes a profile's fragments and events (the entities API's DELETE) as one unit: a store registers an
/// implementation that deletes both in one transaction, so an interrupted request never leaves the fragments gone and
/// the events there.</summary>
public interface IProfileEntityEraser
{
    /// <summary>Deletes the fragments and events stored against <paramref name="primaryXids"/>; the rows deleted.</summary>
    Task<int> DeleteAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct);
}

/// <summary>The eraser over the two stores one after the other, for stores without transactions (the in-memory ones).</summary>
public sealed class SequentialProfileEntityEraser(IProfileFragmentStore fragments, IExperienceEventStore events) : IProfileEntityEraser
{
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct) =>
        await fragments.DeleteByIdentitiesAsync(primaryXids, ct) + await events.DeleteByIdentitiesAsync(primaryXids, ct);
}
