namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>One page of a sandbox listing.</summary>
public sealed record SandboxPage(IReadOnlyList<Sandbox> Sandboxes, int Offset, int Limit, int Total)
{
    public bool HasMore => Offset + Sandboxes.Count < Total;
}
