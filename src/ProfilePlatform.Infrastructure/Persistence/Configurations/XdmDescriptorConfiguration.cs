using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.SchemaRegistry.Descriptors;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

internal sealed class XdmDescriptorConfiguration : IEntityTypeConfiguration<XdmDescriptor>
{
    public void Configure(EntityTypeBuilder<XdmDescriptor> e)
    {
        e.ToTable("xdm_descriptors");
        e.HasKey(d => new { d.ImsOrg, d.Sandbox, d.Id });
        e.Property(d => d.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(d => d.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(d => d.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(d => d.Type).HasColumnName("type").HasMaxLength(128);
        e.Property(d => d.SourceSchema).HasColumnName("source_schema").HasMaxLength(512);
        e.Property(d => d.DestinationSchema).HasColumnName("destination_schema").HasMaxLength(512);
        e.Property(d => d.PrimaryIdentityOf).HasColumnName("primary_identity_of").HasMaxLength(512);
        e.Property(d => d.Document).HasColumnName("document");
        e.Property(d => d.Created).HasColumnName("created");
        e.Property(d => d.Updated).HasColumnName("updated");
        e.Property(d => d.CreatedUser).HasColumnName("created_user").HasMaxLength(256);
        e.Property(d => d.CreatedClient).HasColumnName("created_client").HasMaxLength(256);
        e.Property(d => d.UpdatedUser).HasColumnName("updated_user").HasMaxLength(256);

        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.SourceSchema }).HasDatabaseName("ix_xdm_descriptors_source_schema");
        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.DestinationSchema }).HasDatabaseName("ix_xdm_descriptors_destination_schema");

        // One primary identity per schema (help/xdm/api/descriptors.md): only primary identity descriptors fill the
        // column, and NULLs never collide in a unique index on PostgreSQL or SQLite, so the rule holds under races.
        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.PrimaryIdentityOf }).IsUnique().HasDatabaseName("ux_xdm_descriptors_primary_identity");
    }
}
