using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>A parsed Schema Registry Accept header: the variant and, for lookups, the major version.</summary>
/// <remarks>The registry is strict: lists must not name a version (XDM-1006), lookups must (XDM-1007); the
/// messages follow schema-registry.yaml's <c>acceptErrorList</c>/<c>acceptErrorLookup</c> examples. Parameters are
/// parsed leniently (<c>;version=1</c> and <c>; version=1</c> both appear in the docs).</remarks>
public sealed partial record XdmAccept(XdmAcceptVariant Variant, int? Version)
{
    /// <summary>The Accept of a list call: <c>application/vnd.adobe.xed-id+json</c> or <c>application/vnd.adobe.xed+json</c>.</summary>
    public static XdmAccept ForList(string? accept)
    {
        var parsed = Parse(accept);
        if (parsed is null || parsed.Version is not null || parsed.Variant is not (XdmAcceptVariant.Id or XdmAcceptVariant.Raw))
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.AcceptInvalidList,
                $"The supplied Accept header is not valid: {accept} - A valid Accept value should look like application/vnd.adobe.'{{xed|xdm'}}+json");
        }

        return parsed;
    }

    /// <summary>The Accept of a lookup: a variant with <c>version={MAJOR}</c>.</summary>
    public static XdmAccept ForLookup(string? accept)
    {
        var parsed = Parse(accept);
        if (parsed is null || parsed.Version is null || parsed.Variant == XdmAcceptVariant.Id)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.AcceptInvalidLookup,
                $"The supplied Accept header is not valid: {accept} - A valid Accept value should look like application/vnd.adobe.'{{xed|xdm'}}+json; version=1 (Version should be specified)");
        }

        return parsed;
    }

    private static XdmAccept? Parse(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return null;
        }

        var match = Pattern().Match(accept.Trim());
        if (!match.Success)
        {
            return null;
        }

        XdmAcceptVariant? variant = match.Groups["variant"].Value switch
        {
            "" => XdmAcceptVariant.Raw,
            "-id" => XdmAcceptVariant.Id,
            "-notext" => XdmAcceptVariant.RawNoText,
            "-full" => XdmAcceptVariant.Full,
            "-full-notext" => XdmAcceptVariant.FullNoText,
            "-full-desc" => XdmAcceptVariant.FullWithDescriptors,
            "-deprecatefield" => XdmAcceptVariant.DeprecatedFields,
            _ => null,
        };
        if (variant is null)
        {
            return null;
        }

        int? version = null;
        if (match.Groups["version"].Success)
        {
            if (!int.TryParse(match.Groups["version"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                return null;
            }

            version = v;
        }

        return new XdmAccept(variant.Value, version);
    }

    [GeneratedRegex(@"^application/vnd\.adobe\.xed(?<variant>-[a-z-]+)?\+json\s*(;\s*version\s*=\s*(?<version>[0-9]+)\s*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
