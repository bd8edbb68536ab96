namespace ProfilePlatform.Domain.Identity.Graph;

/// <summary>The unordered pair of identities a link joins, stored in a canonical order (<see cref="CompositeIdentity.Order"/>)
/// so that (a, b) and (b, a) are one key.</summary>
public readonly record struct IdentityLinkKey
{
    private IdentityLinkKey(CompositeIdentity first, CompositeIdentity second)
    {
        First = first;
        Second = second;
    }

    public CompositeIdentity First { get; }

    public CompositeIdentity Second { get; }

    public static IdentityLinkKey Of(CompositeIdentity a, CompositeIdentity b)
    {
        if (a.Equals(b))
        {
            throw new ArgumentException($"An identity cannot be linked to itself ({a}).", nameof(b));
        }

        return CompositeIdentity.Order.Compare(a, b) < 0 ? new(a, b) : new(b, a);
    }

    /// <summary>The other end of the link.</summary>
    public CompositeIdentity Other(CompositeIdentity one) => one.Equals(First) ? Second : First;
}
