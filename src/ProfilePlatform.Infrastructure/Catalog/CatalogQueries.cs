using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Catalog.Query;

namespace ProfilePlatform.Infrastructure.Catalog;

/// <summary>Turns the store part of a Catalog list query (<see cref="CatalogStoreQuery"/>) into SQL over one table.</summary>
internal static class CatalogQueries
{
    /// <param name="rows">The table (already scoped to the tenancy by the context).</param>
    /// <param name="query">What to filter and, when paged, how to sort and page.</param>
    /// <param name="created">The row's <c>created</c> column.</param>
    /// <param name="updated">The row's <c>updated</c> column.</param>
    /// <param name="id">The row's id column, the last sort key.</param>
    /// <param name="equal">The condition for "property equals one of the values", for each column the store declared.</param>
    /// <param name="ct">Cancels the query.</param>
    public static async Task<IReadOnlyList<T>> RunAsync<T>(
        IQueryable<T> rows,
        CatalogStoreQuery query,
        Expression<Func<T, long>> created,
        Expression<Func<T, long>> updated,
        Expression<Func<T, string>> id,
        Func<string, IReadOnlyList<string>, Expression<Func<T, bool>>> equal,
        CancellationToken ct)
        where T : class
    {
        var q = rows.AsNoTracking();
        if (query.CreatedAfter is { } after)
        {
            q = q.Where(Compare(created, after, ExpressionType.GreaterThan));
        }

        if (query.CreatedBefore is { } before)
        {
            q = q.Where(Compare(created, before, ExpressionType.LessThan));
        }

        foreach (var (property, values) in query.Equal)
        {
            q = q.Where(equal(property, values));
        }

        if (query.IsPaged)
        {
            IOrderedQueryable<T>? ordered = null;
            foreach (var key in query.OrderBy!)
            {
                var column = key.Property switch
                {
                    "created" => created,
                    "updated" => updated,
                    _ => throw new InvalidOperationException($"The store cannot sort by '{key.Property}'."),
                };
                ordered = ordered is null
                    ? (key.Descending ? q.OrderByDescending(column) : q.OrderBy(column))
                    : (key.Descending ? ordered.ThenByDescending(column) : ordered.ThenBy(column));
            }

            q = ordered!.ThenBy(id).Skip(query.Skip).Take(query.Take);
        }

        return await q.ToListAsync(ct);
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, long>> column, long value, ExpressionType op) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.MakeBinary(op, column.Body, Expression.Constant(value)),
            column.Parameters);
}
