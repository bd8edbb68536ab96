namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>The lower-case names AEP uses on the wire for sandbox types and states.</summary>
public static class SandboxWireNames
{
    public static string ToWire(this SandboxType type) => type switch
    {
        SandboxType.Production => "production",
        SandboxType.Development => "development",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string ToWire(this SandboxState state) => state switch
    {
        SandboxState.Creating => "creating",
        SandboxState.Active => "active",
        SandboxState.Deleting => "deleting",
        SandboxState.Resetting => "resetting",
        SandboxState.Deleted => "deleted",
        SandboxState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static SandboxType? ParseType(string? value) => value switch
    {
        "production" => SandboxType.Production,
        "development" => SandboxType.Development,
        _ => null,
    };

    public static IReadOnlyList<string> Types { get; } = ["production", "development"];
}
