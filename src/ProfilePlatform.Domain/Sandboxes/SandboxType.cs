namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>AEP sandbox types (help/sandboxes/home.md).</summary>
public enum SandboxType
{
    Production,
    Development,
}
