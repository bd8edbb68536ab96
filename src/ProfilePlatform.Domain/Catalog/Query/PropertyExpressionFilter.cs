using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>A <c>property=</c> expression: existence, absence, a regular expression or a comparison on one
/// top-level property (help/catalog/api/filter-data.md §"Using the property parameter").</summary>
/// <remarks>Regular expressions run on .NET's non-backtracking engine (time linear in the input, no catastrophic
/// backtracking) with a timeout as a second guard; constructs it cannot run (backreferences, lookarounds) are
/// refused with a 400.</remarks>
public sealed record PropertyExpressionFilter : CatalogFilter
{
    /// <summary>Longest regular expression accepted.</summary>
    public const int MaxPatternLength = 256;

    /// <summary>Longest time one regular-expression match may take.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex? _regex;

    public PropertyExpressionFilter(string property, PropertyOperator op, string operand = "")
    {
        Property = property;
        Operator = op;
        Operand = operand;
        if (op == PropertyOperator.Matches)
        {
            _regex = Compile(property, operand);
        }
    }

    public override string Property { get; }

    public PropertyOperator Operator { get; }

    public string Operand { get; }

    public override bool Matches(string id, JsonObject item)
    {
        var present = item.TryGetPropertyValue(Property, out var value);
        return Operator switch
        {
            PropertyOperator.Exists => present,
            PropertyOperator.Missing => !present,
            PropertyOperator.Matches => present && IsMatch(value),
            PropertyOperator.Equal => present && CatalogValues.EqualsText(value, Operand),
            PropertyOperator.NotEqual => !present || !CatalogValues.EqualsText(value, Operand),
            _ => present && CatalogValues.CompareWithText(value, Operand) is { } c && Operator switch
            {
                PropertyOperator.LessThan => c < 0,
                PropertyOperator.LessThanOrEqual => c <= 0,
                PropertyOperator.GreaterThan => c > 0,
                _ => c >= 0,
            },
        };
    }

    private bool IsMatch(JsonNode? value)
    {
        var texts = value is JsonArray items ? items.Select(CatalogValues.Text) : [CatalogValues.Text(value)];
        try
        {
            return texts.Any(t => t is not null && _regex!.IsMatch(t));
        }
        catch (RegexMatchTimeoutException)
        {
            throw new AepException(
                ErrorCatalog.Catalog.InvalidQuery,
                $"The regular expression in 'property={Property}~...' took too long to evaluate: use a simpler pattern.");
        }
    }

    private static Regex Compile(string property, string pattern)
    {
        if (pattern.Length > MaxPatternLength)
        {
            throw new AepException(ErrorCatalog.Catalog.InvalidQuery, $"The regular expression in 'property={property}~...' is {pattern.Length} characters long; at most {MaxPatternLength} are accepted.");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException ex)
        {
            throw new AepException(ErrorCatalog.Catalog.InvalidQuery, $"The regular expression in 'property={property}~...' cannot be used: {ex.Message} Backreferences, lookarounds and atomic groups are not supported.");
        }
        catch (ArgumentException ex)
        {
            throw new AepException(ErrorCatalog.Catalog.InvalidQuery, $"The regular expression in 'property={property}~...' is invalid: {ex.Message}");
        }
    }
}
