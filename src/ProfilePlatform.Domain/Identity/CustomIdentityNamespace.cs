using ProfilePlatform.Domain.Tenancy;

namespace ProfilePlatform.Domain.Identity;

/// <summary>A namespace an organization created in one sandbox (<c>POST /idnamespace/identities</c>), as stored.</summary>
/// <remarks>Namespaces cannot be deleted, and their code and identity type cannot change
/// (help/identity-service/features/namespaces.md); only the display name and description can.</remarks>
public sealed class CustomIdentityNamespace : ITenantOwned
{
    private CustomIdentityNamespace()
    {
    }

    public string ImsOrg { get; private set; } = "";

    public string Sandbox { get; private set; } = "";

    /// <summary>The numeric id, above every standard one (AEP's examples: 10093197, 10018776).</summary>
    public int Id { get; private set; }

    /// <summary>The identity symbol as created.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The code upper-cased: codes are unique ignoring case.</summary>
    public string CodeKey { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The display name upper-cased: names are unique ignoring case.</summary>
    public string NameKey { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The canonical identity type (<see cref="IdentityTypes"/>).</summary>
    public string IdType { get; private set; } = "";

    public DateTimeOffset Created { get; private set; }

    public DateTimeOffset Updated { get; private set; }

    public static CustomIdentityNamespace Create(TenantKey tenant, int id, IdentityNamespaceFields fields, DateTimeOffset now) => new()
    {
        ImsOrg = tenant.ImsOrg,
        Sandbox = tenant.Sandbox,
        Id = id,
        Code = fields.Code,
        CodeKey = KeyOf(fields.Code),
        Name = fields.Name,
        NameKey = KeyOf(fields.Name),
        Description = fields.Description ?? "",
        IdType = fields.IdType,
        Created = now,
        Updated = now,
    };

    /// <summary>The form unique indexes compare: codes and names are unique ignoring case.</summary>
    public static string KeyOf(string value) => value.ToUpperInvariant();

    /// <summary>Applies a PUT: name and description change; code and idType must stay what they are.</summary>
    public void Update(IdentityNamespaceFields fields, DateTimeOffset now)
    {
        if (!string.Equals(KeyOf(fields.Code), CodeKey, StringComparison.Ordinal) || fields.IdType != IdType)
        {
            throw IdentityNamespaceFields.Invalid(
                $"code and idType are non editable fields: namespace {Id} keeps code '{Code}' and idType '{IdType}'; send them unchanged and change only name or description.");
        }

        Name = fields.Name;
        NameKey = KeyOf(fields.Name);
        Description = fields.Description ?? "";
        Updated = now;
    }

    public IdentityNamespace ToNamespace() => new(
        Id, Code, Name, IdType, Description, Custom: true, Created.ToUnixTimeMilliseconds(), Updated.ToUnixTimeMilliseconds());
}
