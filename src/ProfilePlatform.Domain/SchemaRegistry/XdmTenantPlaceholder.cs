using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>Export payloads name no tenant: every occurrence of the tenant id — in <c>$id</c>s
/// (<c>https://ns.adobe.com/{tenant}/...</c>), alt ids and field keys (<c>_{tenant}</c>) — becomes
/// <c>&lt;XDM_TENANTID_PLACEHOLDER&gt;</c>, and an import writes the target's tenant id back (help/xdm/api/export.md).</summary>
public static class XdmTenantPlaceholder
{
    public const string Placeholder = "<XDM_TENANTID_PLACEHOLDER>";

    /// <summary>A copy of <paramref name="node"/> with <paramref name="from"/> replaced by <paramref name="to"/> in every
    /// string value and property name, where it stands as a tenant id rather than inside another word.</summary>
    public static JsonNode? Rewrite(JsonNode? node, string from, string to)
    {
        var pattern = new Regex(
            $@"(?<=ns\.adobe\.com/){Regex.Escape(from)}(?=/)|(?<![A-Za-z0-9_-])_{Regex.Escape(from)}(?![A-Za-z0-9_-])",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        return Walk(node, s => pattern.Replace(s, m => m.Value.StartsWith('_') ? "_" + to : to));
    }

    private static JsonNode? Walk(JsonNode? node, Func<string, string> map) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(map(p.Key), Walk(p.Value, map)))),
        JsonArray a => new JsonArray(a.Select(i => Walk(i, map)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(map(s)),
        _ => node?.DeepClone(),
    };
}
