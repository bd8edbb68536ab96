using System.Text.Json.Nodes;

namespace ProfilePlatform.Domain.JsonText;

/// <summary>Whether a string from a request can be stored and sent back unchanged.</summary>
public static class PlainText
{
    /// <summary>The string of a JSON string value, or null when it cannot be read as UTF-16 (an escaped lone surrogate
    /// such as <c>"\ud800"</c>, which reading it as a string throws on).</summary>
    public static string? Read(JsonValue value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>False for NUL characters (no PostgreSQL text can hold them) and unpaired UTF-16 surrogates.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
