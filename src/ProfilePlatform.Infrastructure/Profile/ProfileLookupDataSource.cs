using Npgsql;

namespace ProfilePlatform.Infrastructure.Profile;

/// <summary>PostgreSQL only: the connection pool of the entities lookup's read (<see cref="SqlProfileLookupReader"/>),
/// apart from EF Core's.</summary>
/// <remarks>Its connections only ever run the lookup's read-only batch: no transaction, no <c>SET</c>, no temporary
/// table, no <c>LISTEN</c>, no session advisory lock. So they skip Npgsql's reset on return to the pool
/// (<c>No Reset On Close</c>), which otherwise sends seven statements (<c>SET SESSION AUTHORIZATION DEFAULT</c>,
/// <c>RESET ALL</c>, <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>, <c>CLOSE ALL</c>, <c>DISCARD SEQUENCES</c>,
/// <c>DISCARD TEMP</c>) ahead of every lookup — more PostgreSQL statements than the lookup itself. And they multiplex
/// (<c>Multiplexing</c>): the lookups of concurrent requests are written to a few shared connections, several in one
/// network write, instead of each request holding a connection — and a PostgreSQL backend — for its round trip. Npgsql
/// supports that for commands of a data source outside transactions, which is all this pool runs. Otherwise the
/// platform's connection string as it is (automatic preparation included).</remarks>
public sealed class ProfileLookupDataSource : IAsyncDisposable, IDisposable
{
    public ProfileLookupDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, Multiplexing = true };
        Source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public NpgsqlDataSource Source { get; }

    public ValueTask DisposeAsync() => Source.DisposeAsync();

    public void Dispose() => Source.Dispose();
}
