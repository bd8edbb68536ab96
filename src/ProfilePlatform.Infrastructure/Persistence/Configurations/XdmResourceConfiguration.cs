using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.SchemaRegistry;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

internal sealed class XdmResourceConfiguration : IEntityTypeConfiguration<XdmResource>
{
    public void Configure(EntityTypeBuilder<XdmResource> e)
    {
        e.ToTable("xdm_resources");
        e.HasKey(r => new { r.ImsOrg, r.Sandbox, r.Id });
        e.Property(r => r.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(r => r.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(r => r.Id).HasColumnName("id").HasMaxLength(512);
        e.Property(r => r.AltId).HasColumnName("alt_id").HasMaxLength(512);
        e.Property(r => r.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(32);
        e.Property(r => r.Title).HasColumnName("title").HasMaxLength(256);
        // The version is bumped by every revision: as a concurrency token it makes two concurrent PATCHes of one
        // resource conflict instead of one silently overwriting the other.
        e.Property(r => r.Version).HasColumnName("version").HasMaxLength(32).IsConcurrencyToken();
        e.Property(r => r.Document).HasColumnName("document");
        e.Property(r => r.CreatedDate).HasColumnName("created_date");
        e.Property(r => r.LastModifiedDate).HasColumnName("last_modified_date");

        e.HasIndex(r => new { r.ImsOrg, r.Sandbox, r.AltId }).IsUnique().HasDatabaseName("ux_xdm_resources_alt_id");

        // AEP: a title may be used by one resource of any type in a sandbox (XDM-1521); the index makes it race-free.
        e.HasIndex(r => new { r.ImsOrg, r.Sandbox, r.Title }).IsUnique().HasDatabaseName("ux_xdm_resources_title");
        e.HasIndex(r => new { r.ImsOrg, r.Sandbox, r.Type }).HasDatabaseName("ix_xdm_resources_type");
    }
}
