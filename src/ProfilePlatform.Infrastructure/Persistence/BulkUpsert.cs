using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Writes rows of one entity type with multi-row <c>INSERT ... ON CONFLICT (key) DO UPDATE</c> statements —
/// the same text on PostgreSQL and SQLite — instead of one tracked INSERT or UPDATE per row.</summary>
/// <remarks>
/// <para>Why: the identity graph and Profile stores write a thousand or more rows per ingestion segment. Per-row
/// statements cost EF change tracking and a statement each, and an UPDATE by key is at the mercy of the planner's
/// index choice; the conflict check of an upsert always goes through the primary key.</para>
/// <para>Table, columns, key and value conversions come from the EF model, so the statement follows the mapping. Rows
/// bypass EF's save pipeline, so the tenancy check <see cref="PlatformDbContext"/> applies on save is made here: every
/// row must belong to the context's organization and sandbox.</para>
/// </remarks>
internal static class BulkUpsert
{
    /// <summary>Parameters per PostgreSQL statement, below its limit of 65,535.</summary>
    private const int MaxPostgresParameters = 30_000;

    /// <summary>Parameters per SQLite statement: Microsoft.Data.Sqlite binds each placeholder by looking its name up in
    /// the parameter list, so a statement's binding time grows with the square of its parameter count.</summary>
    private const int MaxSqliteParameters = 1_000;

    /// <summary>Inserts <paramref name="rows"/> or, for keys already stored, overwrites every non-key column; with
    /// <paramref name="onlyIfNotOlder"/> (a property name), only when the incoming value of that column is not older
    /// than the stored one. Each key must appear once.</summary>
    public static async Task<int> UpsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken ct, string? onlyIfNotOlder = null)
        where T : class, ITenantOwned
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        foreach (var row in rows)
        {
            if (row.ImsOrg != db.CurrentImsOrg || row.Sandbox != db.CurrentSandbox)
            {
                throw new InvalidOperationException(
                    $"A {typeof(T).Name} of another organization or sandbox was about to be written; tenancy is {db.CurrentImsOrg}/{db.CurrentSandbox}.");
            }
        }

        var shape = Shape.Of<T>(db, onlyIfNotOlder);
        var perStatement = Math.Max(1, (db.Database.IsNpgsql() ? MaxPostgresParameters : MaxSqliteParameters) / shape.Properties.Count);
        var written = 0;
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var (sql, parameters) = shape.Statement(chunk, factory);
            written += await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }

        return written;
    }

    /// <summary>The statement's fixed parts for one entity type.</summary>
    private sealed class Shape
    {
        private readonly string _head;
        private readonly string _tail;

        private Shape(IReadOnlyList<IProperty> properties, string head, string tail)
        {
            Properties = properties;
            _head = head;
            _tail = tail;
        }

        public IReadOnlyList<IProperty> Properties { get; }

        public static Shape Of<T>(PlatformDbContext db, string? onlyIfNotOlder)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
            string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

            var properties = entity.GetProperties().ToList();
            var keys = entity.FindPrimaryKey()!.Properties;
            var updated = properties.Where(p => !keys.Contains(p)).Select(p => $"{Column(p)} = excluded.{Column(p)}").ToList();
            var head = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(Column))}) VALUES ";
            var tail = updated.Count == 0
                ? $" ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO NOTHING"
                : $" ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO UPDATE SET {string.Join(", ", updated)}";
            if (onlyIfNotOlder is not null)
            {
                var guard = Column(entity.FindProperty(onlyIfNotOlder) ?? throw new InvalidOperationException($"{typeof(T).Name} has no {onlyIfNotOlder}."));
                tail += $" WHERE excluded.{guard} >= {tableName}.{guard}";
            }

            return new Shape(properties, head, tail);
        }

        /// <summary>The statement for <paramref name="rows"/>, with provider parameters (<c>@p0</c>...) made by
        /// <paramref name="factory"/>: explicit parameters, because EF cannot type a bare null.</summary>
        public (string Sql, DbParameter[] Parameters) Statement<T>(T[] rows, DbCommand factory)
        {
            var text = new StringBuilder(_head);
            var parameters = new DbParameter[rows.Length * Properties.Count];
            var n = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Properties.Count; c++)
                {
                    var property = Properties[c];
                    var value = property.PropertyInfo!.GetValue(rows[r]);
                    var parameter = factory.CreateParameter();
                    parameter.ParameterName = $"@p{n}";
                    parameter.Value = (property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                    parameters[n] = parameter;
                    text.Append(c == 0 ? "@p" : ", @p").Append(n++);
                }

                text.Append(')');
            }

            return (text.Append(_tail).ToString(), parameters);
        }
    }
}
