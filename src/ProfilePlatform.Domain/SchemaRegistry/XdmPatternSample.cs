using System.Text;
using System.Text.RegularExpressions;

namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>A short string matching a field's <c>pattern</c>, for sample data: literals, escapes (<c>\d \w \s</c>),
/// character classes, groups with alternatives (the first is taken) and quantifiers (their minimum count, one for
/// <c>+</c>). Anything else (back-references, look-arounds ...) gives no sample; so does a result the regular
/// expression itself does not accept.</summary>
internal sealed class XdmPatternSample
{
    private const int MaxLength = 256;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(50);

    private readonly string pattern;
    private int at;

    private XdmPatternSample(string pattern) => this.pattern = pattern;

    /// <summary>A string the pattern matches, or null.</summary>
    public static string? For(string pattern)
    {
        try
        {
            var sample = new XdmPatternSample(pattern);
            var text = sample.Alternatives();
            return sample.at == pattern.Length && text is not null && text.Length <= MaxLength && Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, Timeout)
                ? text
                : null;
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException or FormatException)
        {
            return null;
        }
    }

    /// <summary><c>a|b|c</c>: the first alternative; the others are read and dropped.</summary>
    private string? Alternatives()
    {
        var first = Sequence();
        while (at < pattern.Length && pattern[at] == '|')
        {
            at++;
            _ = Sequence();
        }

        return first;
    }

    private string? Sequence()
    {
        var text = new StringBuilder();
        while (at < pattern.Length && pattern[at] is not ('|' or ')'))
        {
            var atom = Atom();
            if (atom is null)
            {
                return null;
            }

            var count = Quantifier();
            if (count < 0 || text.Length + (atom.Length * count) > MaxLength)
            {
                return null;
            }

            for (var i = 0; i < count; i++)
            {
                text.Append(atom);
            }
        }

        return text.ToString();
    }

    private string? Atom()
    {
        var c = pattern[at++];
        switch (c)
        {
            case '^' or '$':
                return "";
            case '.':
                return "a";
            case '(':
                if (at < pattern.Length && pattern[at] == '?')
                {
                    if (at + 1 < pattern.Length && pattern[at + 1] == ':')
                    {
                        at += 2;
                    }
                    else
                    {
                        return null; // look-arounds, named groups, options
                    }
                }

                var inner = Alternatives();
                if (at >= pattern.Length || pattern[at] != ')')
                {
                    return null;
                }

                at++;
                return inner;
            case '[':
                return Class();
            case '\\':
                return Escape(inClass: false);
            case '*' or '+' or '?' or '{' or ')' or ']':
                return null;
            default:
                return c.ToString();
        }
    }

    /// <summary>The count to repeat the atom just read: the quantifier's minimum (one for <c>+</c>), or -1 when unreadable.</summary>
    private int Quantifier()
    {
        if (at >= pattern.Length)
        {
            return 1;
        }

        int count;
        switch (pattern[at])
        {
            case '*' or '?':
                at++;
                count = 0;
                break;
            case '+':
                at++;
                count = 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', at);
                if (close < 0)
                {
                    return -1;
                }

                var bounds = pattern[(at + 1)..close].Split(',');
                if (!int.TryParse(bounds[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
                {
                    return -1;
                }

                at = close + 1;
                break;
            default:
                return 1;
        }

        if (at < pattern.Length && pattern[at] is '?' or '+')
        {
            at++; // lazy or possessive: same count
        }

        return count;
    }

    /// <summary><c>[...]</c>: its first member, or for <c>[^...]</c> a common character it excludes.</summary>
    private string? Class()
    {
        var negated = at < pattern.Length && pattern[at] == '^';
        if (negated)
        {
            at++;
        }

        var members = new List<(char From, char To)>();
        var first = true;
        while (at < pattern.Length && (pattern[at] != ']' || first))
        {
            first = false;
            string? single;
            if (pattern[at] == '\\')
            {
                at++;
                single = Escape(inClass: true);
            }
            else
            {
                single = pattern[at++].ToString();
            }

            if (single is null || single.Length != 1)
            {
                return null;
            }

            var from = single[0];
            var to = from;
            if (at + 1 < pattern.Length && pattern[at] == '-' && pattern[at + 1] != ']')
            {
                at++;
                to = pattern[at++];
            }

            members.Add((from, to));
        }

        if (at >= pattern.Length || members.Count == 0)
        {
            return null;
        }

        at++;
        if (!negated)
        {
            return members[0].From.ToString();
        }

        foreach (var candidate in "a0A_-x9Z")
        {
            if (!members.Any(m => candidate >= m.From && candidate <= m.To))
            {
                return candidate.ToString();
            }
        }

        return null;
    }

    private string? Escape(bool inClass)
    {
        if (at >= pattern.Length)
        {
            return null;
        }

        var c = pattern[at++];
        return c switch
        {
            'd' => "0",
            'w' => "a",
            's' => " ",
            'D' or 'W' or 'S' => inClass ? null : "-",
            'b' or 'B' or 'A' or 'z' or 'Z' or 'G' => inClass ? null : "",
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            _ when char.IsAsciiLetterOrDigit(c) => null, // \uXXXX, \p{..}, back-references ...
            _ => c.ToString(),
        };
    }
}
