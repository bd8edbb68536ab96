namespace ProfilePlatform.Domain.DataAccess;

/// <summary>A file the Data Access API downloads: its name, media type, length in bytes, and its bytes as a stream of
/// pieces (a dataset file is read from the store row by row, never whole).</summary>
public sealed record DataAccessContent(string Name, string ContentType, long Length, Func<CancellationToken, IAsyncEnumerable<ReadOnlyMemory<byte>>> Pieces);
