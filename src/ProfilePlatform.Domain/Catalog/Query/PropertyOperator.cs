namespace ProfilePlatform.Domain.Catalog.Query;

/// <summary>The operators of the <c>property</c> query parameter (help/catalog/api/filter-data.md).</summary>
public enum PropertyOperator
{
    /// <summary><c>property=name</c>: the property exists.</summary>
    Exists,

    /// <summary><c>property=!name</c>: the property does not exist.</summary>
    Missing,

    /// <summary><c>property=name~^example</c>: the string value matches a regular expression.</summary>
    Matches,

    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
