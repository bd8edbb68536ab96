using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Infrastructure.Persistence;

/// <summary>Writes rows of one entity type set-based with <c>INSERT ... ON CONFLICT (key) DO UPDATE</c> instead of one
/// tracked INSERT or UPDATE per row: on PostgreSQL the rows are staged by binary <c>COPY</c> into a temporary table and
/// merged by one <c>INSERT ... SELECT</c>; on SQLite they go in multi-row <c>VALUES</c> statements.</summary>
/// <remarks>
/// <para>Why: the identity graph and Profile stores write a thousand or more rows per ingestion segment. Per-row
/// statements cost EF change tracking and a statement each, and an UPDATE by key is at the mercy of the planner's
/// index choice; the conflict check of an upsert always goes through the primary key.</para>
/// <para>Table, columns, key and value conversions come from the EF model, so the statement follows the mapping. Rows
/// bypass EF's save pipeline, so the tenancy check <see cref="PlatformDbContext"/> applies on save is made here: every
/// row must belong to the context's organization and sandbox.</para>
/// <para>Why COPY on PostgreSQL: parsing and binding a statement of thousands of parameters cost more than the upsert
/// itself (docs/profile-store.md: the graph writes took ~40 % less time with staging).</para>
/// </remarks>
internal static class BulkUpsert
{
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

        CheckTenancy(db, rows);
        var shape = Shape.Of<T>(db, onlyIfNotOlder);
        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            if (db.Database.CurrentTransaction is not null)
            {
                return await shape.CopyAsync(connection, rows, ct);
            }

            // The staging table empties on commit, so the copy and the merge must share a transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var merged = await shape.CopyAsync(connection, rows, ct);
            await transaction.CommitAsync(ct);
            return merged;
        }

        var perStatement = Math.Max(1, MaxSqliteParameters / shape.Properties.Count);
        var written = 0;
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var (sql, parameters) = shape.Statement(chunk, factory);
            written += await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }

        return written;
    }

    /// <summary>PostgreSQL: appends <paramref name="rows"/> with one binary <c>COPY</c> straight into the table — no
    /// staging table, no conflict check beyond the key's own uniqueness. Only for rows the caller knows are not stored
    /// (read under a lock that keeps other writers of those keys out, docs/profile-store.md "Direct COPY"); a key that
    /// is stored after all fails the whole statement with a unique violation (<c>23505</c>), which the stores answer by
    /// running the operation again on the upsert path. Needs the caller's transaction (or savepoint) to be open.</summary>
    public static async Task<int> InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class, ITenantOwned
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        CheckTenancy(db, rows);
        var connection = db.Database.GetDbConnection() as NpgsqlConnection
            ?? throw new InvalidOperationException("A direct COPY needs PostgreSQL.");
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A direct COPY runs inside the store operation's transaction.");
        }

        var shape = Shape.Of<T>(db, null);
        return (int)await shape.CopyRowsAsync(connection, shape.Insert, rows, ct);
    }

    private static void CheckTenancy<T>(PlatformDbContext db, IReadOnlyList<T> rows)
        where T : class, ITenantOwned
    {
        foreach (var row in rows)
        {
            if (row.ImsOrg != db.CurrentImsOrg || row.Sandbox != db.CurrentSandbox)
            {
                throw new InvalidOperationException(
                    $"A {typeof(T).Name} of another organization or sandbox was about to be written; tenancy is {db.CurrentImsOrg}/{db.CurrentSandbox}.");
            }
        }
    }

    /// <summary>The statement's fixed parts for one entity type, made once per (context type, entity type, guard).</summary>
    private sealed class Shape
    {
        private static readonly ConcurrentDictionary<(Type Context, Type Entity, string? Guard), Shape> Shapes = new();

        private readonly string _head;
        private readonly string _tail;
        private readonly string _stage;
        private readonly string _copy;
        private readonly string _merge;
        private readonly string[] _storeTypes;
        private readonly Func<object, object?>[] _values;
        private readonly Func<NpgsqlBinaryImporter, object, CancellationToken, Task>[] _writers;

        private Shape(IReadOnlyList<IProperty> properties, string head, string tail, string stage, string copy, string merge, string insert)
        {
            Properties = properties;
            _head = head;
            _tail = tail;
            _stage = stage;
            _copy = copy;
            _merge = merge;
            Insert = insert;
            _storeTypes = [.. properties.Select(p => p.GetRelationalTypeMapping().StoreTypeNameBase)];
            _values = [.. properties.Select(ValueOf)];
            _writers = [.. properties.Select((p, c) => WriterOf(p, _storeTypes[c], _values[c]))];
        }

        public IReadOnlyList<IProperty> Properties { get; }

        /// <summary>The <c>COPY</c> straight into the table.</summary>
        public string Insert { get; }

        public static Shape Of<T>(PlatformDbContext db, string? onlyIfNotOlder) =>
            Shapes.GetOrAdd((db.GetType(), typeof(T), onlyIfNotOlder), static (key, db) => Make(key.Entity, db, key.Guard), db);

        /// <summary>The provider value of <paramref name="property"/> of a row: a compiled getter (not reflection per
        /// value) followed by the model's value converter, if any.</summary>
        private static Func<object, object?> ValueOf(IProperty property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var getter = Expression.Lambda<Func<object, object?>>(
                Expression.Convert(Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!), typeof(object)),
                row).Compile();
            if (property.GetTypeMapping().Converter is not { } converter)
            {
                return getter;
            }

            var convert = converter.ConvertToProvider;
            return r => convert(getter(r));
        }

        /// <summary>Writes <paramref name="property"/> of a row into a binary COPY: a compiled, typed
        /// <c>WriteAsync&lt;TValue&gt;</c> call (no boxing, no type lookup by value) when the property has no value
        /// converter, else the converted value boxed.</summary>
        private static Func<NpgsqlBinaryImporter, object, CancellationToken, Task> WriterOf(IProperty property, string storeType, Func<object, object?> boxed)
        {
            if (property.GetTypeMapping().Converter is not null)
            {
                return (importer, row, ct) => boxed(row) is { } value ? importer.WriteAsync(value, storeType, ct) : importer.WriteNullAsync(ct);
            }

            var importerParameter = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
            var row = Expression.Parameter(typeof(object), "row");
            var ct = Expression.Parameter(typeof(CancellationToken), "ct");
            var value = Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
            var underlying = Nullable.GetUnderlyingType(property.ClrType);
            var written = underlying is null ? (Expression)value : Expression.Property(value, "Value");
            var write = Expression.Call(importerParameter, TypedWrite.MakeGenericMethod(written.Type), written, Expression.Constant(storeType), ct);
            Expression body = property.ClrType.IsValueType && underlying is null
                ? write
                : Expression.Condition(
                    Expression.Equal(value, Expression.Constant(null, property.ClrType)),
                    Expression.Call(importerParameter, nameof(NpgsqlBinaryImporter.WriteNullAsync), null, ct),
                    write);
            return Expression.Lambda<Func<NpgsqlBinaryImporter, object, CancellationToken, Task>>(body, importerParameter, row, ct).Compile();
        }

        private static readonly System.Reflection.MethodInfo TypedWrite = typeof(NpgsqlBinaryImporter).GetMethods()
            .Single(m => m.Name == nameof(NpgsqlBinaryImporter.WriteAsync) && m.IsGenericMethodDefinition
                && m.GetParameters() is [_, { ParameterType: var name }, { ParameterType: var token }] && name == typeof(string) && token == typeof(CancellationToken));

        private static Shape Make(Type type, PlatformDbContext db, string? onlyIfNotOlder)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
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
                var guard = Column(entity.FindProperty(onlyIfNotOlder) ?? throw new InvalidOperationException($"{type.Name} has no {onlyIfNotOlder}."));
                tail += $" WHERE excluded.{guard} >= {tableName}.{guard}";
            }

            var staging = sql.DelimitIdentifier("bulk_stage_" + table.Name);
            var columns = string.Join(", ", properties.Select(Column));
            var stage = $"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {tableName}) ON COMMIT DELETE ROWS; TRUNCATE {staging}";
            var copy = $"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)";
            var merge = $"INSERT INTO {tableName} ({columns}) SELECT {columns} FROM {staging}{tail}";
            var insert = $"COPY {tableName} ({columns}) FROM STDIN (FORMAT BINARY)";
            return new Shape(properties, head, tail, stage, copy, merge, insert);
        }

        /// <summary>PostgreSQL: the rows go by binary <c>COPY</c> into a session-local staging table, then one
        /// <c>INSERT ... SELECT ... ON CONFLICT</c> moves them — no statement text or parameters per row. The staging
        /// table lives in the caller's transaction (emptied on commit, gone with a rolled-back savepoint that created
        /// it, recreated on demand).</summary>
        public async Task<int> CopyAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, CancellationToken ct)
        {
            await using (var stage = new NpgsqlCommand(_stage, connection))
            {
                await stage.ExecuteNonQueryAsync(ct);
            }

            await CopyRowsAsync(connection, _copy, rows, ct);
            await using var merge = new NpgsqlCommand(_merge, connection);
            return await merge.ExecuteNonQueryAsync(ct);
        }

        /// <summary>Streams <paramref name="rows"/> with the binary <c>COPY</c> statement <paramref name="copy"/>.</summary>
        public async Task<ulong> CopyRowsAsync<T>(NpgsqlConnection connection, string copy, IReadOnlyList<T> rows, CancellationToken ct)
        {
            await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var write in _writers)
                {
                    await write(importer, row!, ct);
                }
            }

            return await importer.CompleteAsync(ct);
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
                    var parameter = factory.CreateParameter();
                    parameter.ParameterName = $"@p{n}";
                    parameter.Value = _values[c](rows[r]!) ?? DBNull.Value;
                    parameters[n] = parameter;
                    text.Append(c == 0 ? "@p" : ", @p").Append(n++);
                }

                text.Append(')');
            }

            return (text.Append(_tail).ToString(), parameters);
        }
    }
}
