using ProfilePlatform.Domain.Profile.Storage;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>The entities API's DELETE in one store transaction (a savepoint inside a caller's): fragments and events go
/// together or not at all.</summary>
internal sealed class EfProfileEntityEraser(PlatformDbContext db, IProfileFragmentStore fragments, IExperienceEventStore events) : IProfileEntityEraser
{
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> primaryXids, CancellationToken ct)
    {
        await using var unit = await StoreUnit.BeginWriteAsync(db, ct);
        var deleted = await fragments.DeleteByIdentitiesAsync(primaryXids, ct) + await events.DeleteByIdentitiesAsync(primaryXids, ct);
        await unit.CommitAsync(ct);
        return deleted;
    }
}
