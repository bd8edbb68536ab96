using Microsoft.EntityFrameworkCore;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Inserting a row that a unique index may refuse, as every store does for names and titles.</summary>
internal static class UniqueInsert
{
    /// <summary>Adds and saves <paramref name="entity"/>; when a unique index refuses it, the entity is detached (the
    /// context stays usable) and <paramref name="taken"/>'s exception is thrown instead.</summary>
    public static async Task AddUniqueAsync<T>(this PlatformDbContext db, T entity, Func<DbUpdateException, Exception> taken, CancellationToken ct)
        where T : class
    {
        db.Add(entity);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(entity).State = EntityState.Detached;
            throw taken(ex);
        }
    }
}
