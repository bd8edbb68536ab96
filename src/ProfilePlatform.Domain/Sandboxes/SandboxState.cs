namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>Sandbox states as sandbox.yaml enumerates them.</summary>
public enum SandboxState
{
    Creating,
    Active,
    Deleting,
    Resetting,
    Deleted,
    Failed,
}
