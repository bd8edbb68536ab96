namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>Settings of the sandbox service (configuration section <c>Sandboxes</c>).</summary>
public sealed class SandboxOptions
{
    /// <summary>Region code reported on sandboxes.</summary>
    public string Region { get; set; } = "VA7";

    /// <summary>Live sandboxes an organization may have; AEP's largest licence allows 75 (help/sandboxes/home.md).</summary>
    public int MaxPerOrganization { get; set; } = 75;
}
