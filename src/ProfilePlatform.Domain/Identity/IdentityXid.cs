using System.Security.Cryptography;
using System.Text;

namespace ProfilePlatform.Domain.Identity;

/// <summary>The XID, Identity Service's native id of one identity (namespace id + value): an opaque base64 string
/// (help/identity-service/api/list-native-id.md: <c>"BVrqzwVuzbXrLfmnaG3rXrLf3KJg"</c>).</summary>
/// <remarks>AEP does not document how an XID is derived [unverified]. Here it is the first 21 bytes of
/// SHA-256(<c>"{nsid}:{value}"</c>) in unpadded base64url: 28 characters like the docs' examples, the same for the
/// same identity on every call and every node, and different for the same value in another namespace.</remarks>
public static class IdentityXid
{
    public const int Length = 28;

    public static string Of(int namespaceId, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{namespaceId}:{value}"), hash);
        return Convert.ToBase64String(hash[..21]).Replace('+', '-').Replace('/', '_');
    }
}
