using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ProfilePlatform.Domain.Identity;

/// <summary>A fully qualified identity: a namespace code and a value, what AEP's graph API calls a
/// <c>composite_xid</c> (<c>{"ns":"Email","id":"jane@acme.com"}</c>). Two identities are the same only when both
/// match (help/identity-service/features/identity-linking-logic.md).</summary>
/// <remarks>
/// Named <c>CompositeIdentity</c> rather than <c>Identity</c> because a type named like its own namespace
/// (<c>ProfilePlatform.Domain.Identity</c>) cannot be referenced from sibling namespaces without qualification.
/// Normalisation follows AEP: namespace codes are matched case-insensitively (Identity Service looks namespaces up
/// that way; the extractor stores the catalogue's spelling), identity values are case-sensitive and kept verbatim —
/// <c>User@example.com</c> and <c>user@example.com</c> are two nodes in AEP's graph (Adobe's answer on Experience
/// League Communities, "is identities case sensitive?", 2025); nothing is trimmed.
/// </remarks>
public sealed record CompositeIdentity
{
    /// <summary>Bytes of the SHA-256 kept in an XID: 22 bytes give 30 base64url characters, the length of AEP's
    /// example XIDs (<c>BVrqzwVv7o2p3naHvnsWpqZXv3KJgA</c>).</summary>
    private const int XidBytes = 22;

    private string? _xid;
    private int _hash;

    public CompositeIdentity(string @namespace, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@namespace);
        ArgumentNullException.ThrowIfNull(value);
        Namespace = @namespace;
        Value = value;
    }

    /// <summary>An identity whose XID the caller computed already (<see cref="XidOf"/> of the same namespace, ignoring
    /// case, and value): ingestion hashes on every core ahead of the serial writer.</summary>
    internal CompositeIdentity(string @namespace, string value, string xid)
        : this(@namespace, value)
    {
        _xid = xid;
    }

    /// <summary>An identity read back from a store together with the XID stored for it: a store keeps the XID it was
    /// given by <see cref="Xid"/>, so hashing again on every read (the entities lookup reads each graph member's) would
    /// only compute the same value.</summary>
    public static CompositeIdentity FromStored(string @namespace, string value, string xid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(xid);
        return new CompositeIdentity(@namespace, value, xid);
    }

    /// <summary>The namespace code (identity symbol), e.g. <c>Email</c>, <c>ECID</c>, <c>CRMID</c>.</summary>
    public string Namespace { get; }

    /// <summary>The identity value exactly as ingested.</summary>
    public string Value { get; }

    /// <summary>Identity Service's native id of this identity: deterministic, so the same (namespace, value) has the
    /// same XID in every call and every process (the reference notes' §1.2 recommendation); the namespace part is
    /// upper-cased first because codes compare case-insensitively.</summary>
    public string Xid => _xid ??= ComputeXid(Namespace, Value);

    public bool Equals(CompositeIdentity? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Value, other.Value, StringComparison.Ordinal)
            && string.Equals(Namespace, other.Namespace, StringComparison.OrdinalIgnoreCase));

    /// <remarks>Cached: identities are dictionary and set keys all through graph linking.</remarks>
    public override int GetHashCode()
    {
        var hash = _hash;
        if (hash == 0)
        {
            hash = HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Namespace), StringComparer.Ordinal.GetHashCode(Value));
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }

    /// <summary>Namespace (case-insensitive), then value (ordinal): the order lists of identities are sorted in.</summary>
    public static IComparer<CompositeIdentity> Order { get; } = Comparer<CompositeIdentity>.Create((x, y) =>
    {
        var byNamespace = string.Compare(x.Namespace, y.Namespace, StringComparison.OrdinalIgnoreCase);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(x.Value, y.Value);
    });

    public override string ToString() => $"{Namespace}:{Value}";

    /// <summary>The XID of (<paramref name="namespace"/>, <paramref name="value"/>), as <see cref="Xid"/> computes it.</summary>
    internal static string XidOf(string @namespace, string value) => ComputeXid(@namespace, value);

    private static string ComputeXid(string @namespace, string value)
    {
        var upper = @namespace.ToUpperInvariant();
        var length = Encoding.UTF8.GetMaxByteCount(upper.Length + 1 + value.Length);
        byte[]? rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> text = rented ?? stackalloc byte[1024];
            var written = Encoding.UTF8.GetBytes(upper, text);
            text[written++] = (byte)'\n';
            written += Encoding.UTF8.GetBytes(value, text[written..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..written], hash);
            return Base64Url.EncodeToString(hash[..XidBytes]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
