using ProfilePlatform.Domain.Errors;

namespace ProfilePlatform.Domain.Profile.Entities;

/// <summary>The entities API's errors, each naming the parameter and the fix.</summary>
public static class EntityErrors
{
    /// <summary>Longest client value quoted back in a message.</summary>
    private const int Quoted = 100;

    public static AepException Invalid(string detail) => new(ErrorCatalog.Profile.InvalidEntityRequest, detail);

    public static AepException UnknownNamespace(string parameter, string code) => new(
        ErrorCatalog.Profile.UnknownIdentityNamespace,
        $"Parameter '{parameter}' value '{Short(code)}' is no identity namespace of this sandbox: use a namespace code such as ECID, Email or Phone, or a custom one listed by GET /data/core/idnamespace/identities.");

    public static AepException NotFound(EntityIdentity identity) => new(
        ErrorCatalog.Profile.EntityNotFound,
        $"No profile data was found for {identity.Describe()} under the merge policy used: check the identity, or name a merge policy that stitches identities (identityGraph pdg) with mergePolicyId.");

    public static AepException UnknownXid(string xid) => new(
        ErrorCatalog.Profile.IdentitiesNotRetrievable,
        $"Identities cannot be retrieved for XID - \"{Short(xid)}\" for graph type \"auto\": no identity with this XID is stored in this sandbox. Give the identity value with its namespace (entityId and entityIdNS) instead.");

    public static AepException TooManyRelatedIdentities(int count, int max) => new(
        ErrorCatalog.Profile.TooManyRelatedIdentities,
        $"Too many related identities: the identity graph links {count} identities, more than {max}. Look up with a merge policy whose identityGraph is none.");

    /// <summary>A client value shortened for a message.</summary>
    public static string Short(string value) => value.Length <= Quoted ? value : value[..Quoted] + "...";
}
