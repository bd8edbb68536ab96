namespace ProfilePlatform.Domain.Errors;

/// <summary>The one exception type that becomes a 4xx/5xx AEP error response.</summary>
/// <remarks>The message is the detail a client reads: it names the offending field or header and the fix.</remarks>
public sealed class AepException : Exception
{
    public AepException(AepError error, string detail, IReadOnlyList<string>? subErrors = null)
        : base(detail)
    {
        Error = error;
        SubErrors = subErrors ?? [];
    }

    public AepException(AepError error)
        : this(error, error.Title)
    {
    }

    public AepException()
        : this(ErrorCatalog.Common.Internal)
    {
    }

    public AepException(string message)
        : this(ErrorCatalog.Common.Internal, message)
    {
    }

    public AepException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = ErrorCatalog.Common.Internal;
        SubErrors = [];
    }

    public AepError Error { get; }

    public IReadOnlyList<string> SubErrors { get; }
}
