using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.SchemaRegistry.Descriptors;

/// <summary>What a descriptor list shows for each descriptor.</summary>
public enum XdmDescriptorForm
{
    /// <summary><c>xdm-id</c>: the <c>@id</c>.</summary>
    Ids,

    /// <summary><c>xdm-link</c>: the API path <c>/tenant/descriptors/{@id}</c>.</summary>
    Links,

    /// <summary><c>xdm</c>: the whole descriptor.</summary>
    Objects,
}

/// <summary>The Accept header of the descriptor endpoints, which use <c>xdm</c> where the rest of the registry uses
/// <c>xed</c> (help/xdm/api/descriptors.md): <c>application/vnd.adobe.xdm{-id|-link}+json</c> groups the list by
/// <c>@type</c>; the <c>-v2</c> forms (<c>xdm-v2{-id|-link}+json</c>, schema-registry.yaml <c>acceptDescriptors</c>) page it
/// in a <c>results</c> array.</summary>
/// <remarks>A list needs one of these, without <c>version</c> (XDM-1008); a lookup needs none, but an <c>xed</c> one is
/// refused (XDM-1009). Messages follow schema-registry.yaml's <c>acceptErrorDescriptorList</c>/<c>...Lookup</c>.</remarks>
public sealed partial record XdmDescriptorAccept(XdmDescriptorForm Form, bool Paged)
{
    public static XdmDescriptorAccept ForList(string? accept)
    {
        var first = First(accept);
        var match = ListPattern().Match(first);
        if (!match.Success)
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.AcceptInvalidDescriptorList,
                $"The supplied Accept header is not valid: {accept} - A valid Accept value should look like application/vnd.adobe.xdm-id+json");
        }

        var form = match.Groups["form"].Value switch
        {
            "-id" => XdmDescriptorForm.Ids,
            "-link" => XdmDescriptorForm.Links,
            _ => XdmDescriptorForm.Objects,
        };
        return new XdmDescriptorAccept(form, match.Groups["v2"].Success);
    }

    /// <summary>Refuses an <c>xed</c> Accept on a lookup; anything else (none, <c>application/json</c>, <c>xdm</c>) is fine.</summary>
    public static void CheckLookup(string? accept)
    {
        if (XedPattern().IsMatch(First(accept)))
        {
            throw new AepException(
                ErrorCatalog.SchemaRegistry.AcceptInvalidDescriptorLookup,
                $"The supplied Accept header is not valid: {accept} - A valid Accept value should look like application/vnd.adobe.xdm+json");
        }
    }

    private static string First(string? accept) => (accept ?? "").Split(',')[0].Trim();

    /// <summary>A descriptor media type with optional parameters other than <c>version</c> (e.g. <c>charset</c>).</summary>
    [GeneratedRegex(@"^application/vnd\.adobe\.xdm(?<v2>-v2)?(?<form>-id|-link)?\+json\s*(;\s*(?!version\b)[a-z-]+\s*=\s*[^;]*)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^application/vnd\.adobe\.xed", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex XedPattern();
}
