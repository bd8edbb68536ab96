namespace ProfilePlatform.Api.Tests.Infrastructure;

/// <summary>Unique names, so tests sharing a store never collide.</summary>
public static class Names
{
    public static string Sandbox(string prefix = "sb") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];
}
