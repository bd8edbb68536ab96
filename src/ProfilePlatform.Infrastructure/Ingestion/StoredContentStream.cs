using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Persistence;

namespace ProfilePlatform.Infrastructure.Ingestion;

/// <summary>A read-only, seekable stream over an uploaded file's chunks, fetching one chunk at a time by offset on a store
/// context of its own (so reading can go on while the reader's caller writes through another connection).</summary>
internal sealed class StoredContentStream(PlatformDbContext db, string contentId, long size) : Stream
{
    private const string Sql =
        """SELECT "offset", "data" FROM "ingest_file_chunks" WHERE "ims_org" = @org AND "sandbox" = @sandbox AND "content_id" = @content AND "offset" <= @position ORDER BY "offset" DESC LIMIT 1""";

    private byte[] chunkBuffer = [];
    private ArraySegment<byte> chunk = ArraySegment<byte>.Empty;
    private long chunkOffset = -1;
    private long position;
    private bool opened;
    private bool disposed;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => size;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!Covers())
        {
            Load(async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return Copy(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Covers())
        {
            await Load(async: true, cancellationToken);
        }

        return Copy(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => size + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }

            await db.DisposeAsync();
        }

        await base.DisposeAsync(); // runs Dispose(true), which has nothing left to do
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            if (opened)
            {
                db.Database.CloseConnection();
            }

            db.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Covers() => position >= size || (chunkOffset >= 0 && position >= chunkOffset && position < chunkOffset + chunk.Count);

    private int Copy(Span<byte> buffer)
    {
        if (position >= size || buffer.IsEmpty)
        {
            return 0;
        }

        var from = (int)(position - chunkOffset);
        var count = (int)Math.Min(Math.Min(buffer.Length, chunk.Count - from), size - position);
        chunk.AsSpan(from, count).CopyTo(buffer);
        position += count;
        return count;
    }

    private async Task Load(bool async, CancellationToken ct)
    {
        var (org, sandbox) = StoreCommands.Tenant(db);
        if (!opened)
        {
            if (async)
            {
                await db.Database.OpenConnectionAsync(ct);
            }
            else
            {
                db.Database.OpenConnection();
            }

            opened = true;
        }

        await using var command = StoreCommands.Command(db, Sql);
        StoreCommands.Parameter(command, "@org", org);
        StoreCommands.Parameter(command, "@sandbox", sandbox);
        StoreCommands.Parameter(command, "@content", contentId);
        StoreCommands.Parameter(command, "@position", position);
        await using DbDataReader reader = async ? await command.ExecuteReaderAsync(ct) : command.ExecuteReader();
        if (!(async ? await reader.ReadAsync(ct) : reader.Read()))
        {
            throw new IOException($"Stored file content {contentId} has no bytes at offset {position}: it was deleted or is incomplete.");
        }

        chunkOffset = reader.GetInt64(0);
        var length = (int)reader.GetBytes(1, 0, null, 0, 0);
        if (chunkBuffer.Length < length)
        {
            chunkBuffer = new byte[Math.Max(length, IBatchFileStore.ChunkBytes)];
        }

        reader.GetBytes(1, 0, chunkBuffer, 0, length);
        chunk = new ArraySegment<byte>(chunkBuffer, 0, length); // one buffer for every chunk of the file
        if (position >= chunkOffset + chunk.Count)
        {
            throw new IOException($"Stored file content {contentId} has a gap at offset {position}.");
        }
    }
}
