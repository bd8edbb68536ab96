using System.Globalization;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Resource versions as the registry writes them: <c>"1.0"</c> on creation, the minor bumped by every
/// successful PUT or PATCH (help/xdm/api/schemas.md: a PATCH turns <c>1.0</c> into <c>1.1</c>).</summary>
public static class XdmVersion
{
    public const string Initial = "1.0";

    public static string Next(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        var major = dot < 0 ? version : version[..dot];
        var minor = dot < 0 ? 0 : int.TryParse(version[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{major}.{minor + 1}");
    }
}
