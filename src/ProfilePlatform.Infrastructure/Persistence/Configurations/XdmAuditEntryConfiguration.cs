using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

internal sealed class XdmAuditEntryConfiguration : IEntityTypeConfiguration<XdmAuditEntry>
{
    public void Configure(EntityTypeBuilder<XdmAuditEntry> e)
    {
        e.ToTable("xdm_audit_entries");
        e.HasKey(a => new { a.ImsOrg, a.Sandbox, a.Id });
        e.Property(a => a.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(a => a.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(a => a.Id).HasColumnName("id").HasMaxLength(32);
        e.Property(a => a.ResourceId).HasColumnName("resource_id").HasMaxLength(512);
        e.Property(a => a.Trails).HasColumnName("trails");
        e.Property(a => a.UpdatedUser).HasColumnName("updated_user").HasMaxLength(256);
        e.Property(a => a.ClientId).HasColumnName("client_id").HasMaxLength(256);
        e.Property(a => a.Updated).HasColumnName("updated");
        e.HasIndex(a => new { a.ImsOrg, a.Sandbox, a.ResourceId, a.Id }).HasDatabaseName("ix_xdm_audit_entries_resource");
    }
}
