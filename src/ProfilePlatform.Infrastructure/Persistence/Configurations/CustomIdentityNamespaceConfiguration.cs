using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Custom identity namespaces: unique per sandbox by code and by display name (ignoring case, through the
/// upper-cased key columns), and unique by id across all tenants so an nsid never names two namespaces.</summary>
internal sealed class CustomIdentityNamespaceConfiguration : IEntityTypeConfiguration<CustomIdentityNamespace>
{
    public void Configure(EntityTypeBuilder<CustomIdentityNamespace> e)
    {
        e.ToTable("identity_namespaces");
        e.HasKey(n => new { n.ImsOrg, n.Sandbox, n.Id });
        e.Property(n => n.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(n => n.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(n => n.Code).HasColumnName("code").HasMaxLength(IdentityNamespaceFields.MaxNameLength);
        e.Property(n => n.CodeKey).HasColumnName("code_key").HasMaxLength(IdentityNamespaceFields.MaxNameLength);
        e.Property(n => n.Name).HasColumnName("name").HasMaxLength(IdentityNamespaceFields.MaxNameLength);
        e.Property(n => n.NameKey).HasColumnName("name_key").HasMaxLength(IdentityNamespaceFields.MaxNameLength);
        e.Property(n => n.Description).HasColumnName("description").HasMaxLength(IdentityNamespaceFields.MaxDescriptionLength);
        e.Property(n => n.IdType).HasColumnName("id_type").HasMaxLength(32);
        e.Property(n => n.Created).HasColumnName("created");
        e.Property(n => n.Updated).HasColumnName("updated");

        e.HasIndex(n => n.Id).IsUnique().HasDatabaseName("ux_identity_namespaces_id");
        e.HasIndex(n => new { n.ImsOrg, n.Sandbox, n.CodeKey }).IsUnique().HasDatabaseName("ux_identity_namespaces_code");
        e.HasIndex(n => new { n.ImsOrg, n.Sandbox, n.NameKey }).IsUnique().HasDatabaseName("ux_identity_namespaces_name");
    }
}
