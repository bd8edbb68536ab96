using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Api.Features.BatchIngestion;

/// <summary>The body of a multipart section, read as it streams in: a form that breaks off or never closes its section is
/// the client's error (400), not the server's, so the reader's <see cref="IOException"/> / <see cref="InvalidDataException"/>
/// become an <see cref="AepException"/>.</summary>
internal sealed class MultipartSectionStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            throw new AepException(ErrorCatalog.Ingestion.InvalidRequest, $"The multipart/form-data body cannot be read ({ex.Message}): send the part as application/octet-stream.");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
