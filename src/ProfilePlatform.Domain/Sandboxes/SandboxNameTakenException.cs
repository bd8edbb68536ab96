namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>Raised by a store when a concurrent writer created a live sandbox of the same name first.</summary>
public sealed class SandboxNameTakenException : Exception
{
    public SandboxNameTakenException()
    {
    }

    public SandboxNameTakenException(string message)
        : base(message)
    {
    }

    public SandboxNameTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
