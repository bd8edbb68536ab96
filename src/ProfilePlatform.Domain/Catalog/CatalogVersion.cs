using System.Globalization;

namespace ProfilePlatform.Domain.Catalog;

/// <summary>The semantic version every Catalog object carries: <c>1.0.0</c> when created, the patch number raised
/// by each change (AEP's objects show <c>1.0.3</c>, <c>1.0.116</c>...; catalog.yaml: "Updated when the object is modified").</summary>
public static class CatalogVersion
{
    public const string Initial = "1.0.0";

    public static string Next(string version)
    {
        var parts = version.Split('.');
        return parts.Length == 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch)
            ? $"{parts[0]}.{parts[1]}.{(patch + 1).ToString(CultureInfo.InvariantCulture)}"
            : Initial;
    }
}
