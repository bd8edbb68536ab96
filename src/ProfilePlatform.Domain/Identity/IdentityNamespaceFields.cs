using System.Text.Json;
using System.Text.Json.Nodes;
using ProfilePlatform.Domain.Errors;
using ProfilePlatform.Domain.JsonText;

namespace ProfilePlatform.Domain.Identity;

/// <summary>The fields a client sends to create or replace a custom namespace (identity-service.yaml
/// <c>namespaceCreate</c>/<c>namespaceUpdate</c>): name, code and idType required, description optional.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Code">The identity symbol: letters and digits only, as the spec says.</param>
/// <param name="IdType">The canonical identity type (<see cref="IdentityTypes"/>).</param>
/// <param name="Description">The description, if any.</param>
public sealed record IdentityNamespaceFields(string Name, string Code, string IdType, string? Description)
{
    /// <summary>Longest display name or code accepted. AEP documents no limit (help/identity-service/guardrails.md);
    /// one is needed to refuse hostile input [unverified].</summary>
    public const int MaxNameLength = 256;

    /// <summary>Longest description accepted [unverified: AEP documents none].</summary>
    public const int MaxDescriptionLength = 4096;

    /// <summary>Reads a request body; every problem is a 400 naming the field.</summary>
    public static IdentityNamespaceFields Parse(JsonNode? body)
    {
        if (body is not JsonObject o)
        {
            throw Invalid("The request body must be a JSON object with name, code and idType, e.g. {\"name\":\"Loyalty Member\",\"code\":\"Loyalty\",\"idType\":\"Cross_device\"}.");
        }

        if (JsonDuplicateKeys.Find(o) is { } duplicate)
        {
            throw Invalid($"The JSON names property '{duplicate}' twice in one object: send each property once.");
        }

        var name = RequiredText(o, "name", MaxNameLength);
        var code = RequiredText(o, "code", MaxNameLength);
        if (!code.All(char.IsAsciiLetterOrDigit))
        {
            throw Invalid($"Field 'code' value '{code}' may contain only letters and digits (A-Z, a-z, 0-9), e.g. 'Loyalty' or 'CRMID'.");
        }

        var idTypeText = RequiredText(o, "idType", MaxNameLength);
        var idType = IdentityTypes.Parse(idTypeText)
            ?? throw Invalid($"Please provide a valid value of idType. Valid values are: [{string.Join(", ", IdentityTypes.All)}] (any case, e.g. 'Cross_device'); '{idTypeText}' is not one.");
        var description = OptionalText(o, "description", MaxDescriptionLength);
        return new IdentityNamespaceFields(name, code, idType, description);
    }

    public static AepException Invalid(string detail) => new(ErrorCatalog.Identity.NamespaceInvalid, detail);

    private static string RequiredText(JsonObject o, string field, int max)
    {
        var text = OptionalText(o, field, max);
        return string.IsNullOrWhiteSpace(text)
            ? throw Invalid($"Field '{field}' is required: send a non-empty string.")
            : text;
    }

    private static string? OptionalText(JsonObject o, string field, int max)
    {
        if (!o.TryGetPropertyValue(field, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            throw Invalid($"Field '{field}' must be a string, not {node.GetValueKind().ToString().ToLowerInvariant()}.");
        }

        var text = PlainText.Read(value);
        if (text is null || !PlainText.IsStorable(text))
        {
            throw Invalid($"Field '{field}' contains a NUL or an unpaired surrogate character: send plain text.");
        }

        if (text.Length > max)
        {
            throw Invalid($"Field '{field}' is {text.Length} characters long: use at most {max}.");
        }

        return text.Trim();
    }
}
