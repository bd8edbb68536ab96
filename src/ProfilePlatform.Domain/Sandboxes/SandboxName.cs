using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Sandboxes;

/// <summary>Rules for sandbox names: the value clients send in <c>x-sandbox-name</c>.</summary>
/// <remarks>help/sandboxes/api/sandboxes.md: names are unique per organization, all lower-case, without spaces
/// or special characters; hyphens are allowed. The length cap is this platform's ([unverified] in AEP).</remarks>
public static partial class SandboxName
{
    public const string Default = "prod";
    public const int MaxLength = 64;

    public static void Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new AepException(ErrorCatalog.Sandboxes.InvalidName, "Field 'name' is required: give the sandbox a lower-case name such as 'acme-dev'.");
        }

        if (name.Length > MaxLength || !Pattern().IsMatch(name))
        {
            throw new AepException(
                ErrorCatalog.Sandboxes.InvalidName,
                $"Field 'name' value '{name}' is not a valid sandbox name: use 1-{MaxLength} lower-case letters, digits and hyphens, starting and ending with a letter or digit.");
        }
    }

    // \z, not $: $ also matches before a trailing newline, which would let "acme\n" through.
    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
