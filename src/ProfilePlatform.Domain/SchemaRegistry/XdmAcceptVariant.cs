namespace ProfilePlatform.Domain.SchemaRegistry;

/// <summary>The Schema Registry's Accept-header variants (help/xdm/api/getting-started.md §accept).</summary>
public enum XdmAcceptVariant
{
    /// <summary><c>xed-id</c>: lists with <c>$id</c>, <c>meta:altId</c>, <c>version</c> and <c>title</c> only.</summary>
    Id,

    /// <summary><c>xed</c>: the raw resource, <c>$ref</c> and <c>allOf</c> kept.</summary>
    Raw,

    /// <summary><c>xed-notext</c>: raw, without titles and descriptions.</summary>
    RawNoText,

    /// <summary><c>xed-full</c>: every <c>$ref</c> resolved into one composed schema.</summary>
    Full,

    /// <summary><c>xed-full-notext</c>: resolved, without titles and descriptions.</summary>
    FullNoText,

    /// <summary><c>xed-full-desc</c>: resolved, with descriptors inlined.</summary>
    FullWithDescriptors,

    /// <summary><c>xed-deprecatefield</c>: resolved, deprecated fields marked.</summary>
    DeprecatedFields,
}
