using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Deletes every row one (org, sandbox) owns, in every table of the model.</summary>
/// <remarks>Driven by the model, not a list: any entity that implements <see cref="ITenantOwned"/> is wiped by
/// a sandbox reset or delete without touching this class.</remarks>
internal static class TenantDataEraser
{
    public static async Task<int> EraseAsync(PlatformDbContext db, TenantKey tenant, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var deleted = 0;
        foreach (var entityType in TenantOwnedTypes(db.Model))
        {
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var org = entityType.FindProperty(nameof(ITenantOwned.ImsOrg))!.GetColumnName(table)!;
            var sandbox = entityType.FindProperty(nameof(ITenantOwned.Sandbox))!.GetColumnName(table)!;
            var statement =
                $"DELETE FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(org)} = {{0}} AND {sql.DelimitIdentifier(sandbox)} = {{1}}";
            deleted += await db.Database.ExecuteSqlRawAsync(statement, [tenant.ImsOrg, tenant.Sandbox], ct);
        }

        return deleted;
    }

    /// <summary>The tables a sandbox's data lives in.</summary>
    public static IEnumerable<IEntityType> TenantOwnedTypes(IModel model) =>
        model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.GetTableName() is not null);
}
