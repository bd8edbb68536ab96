using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Sandboxes;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

internal sealed class SandboxConfiguration : IEntityTypeConfiguration<Sandbox>
{
    public void Configure(EntityTypeBuilder<Sandbox> e)
    {
        e.ToTable("sandboxes");
        e.HasKey(s => new { s.ImsOrg, s.Id });
        e.Property(s => s.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(s => s.Id).HasColumnName("id");
        e.Property(s => s.Name).HasColumnName("name").HasMaxLength(SandboxName.MaxLength);
        e.Property(s => s.Title).HasColumnName("title").HasMaxLength(Sandbox.MaxTitleLength);
        e.Property(s => s.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.State).HasColumnName("state").HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.Region).HasColumnName("region").HasMaxLength(32);
        e.Property(s => s.IsDefault).HasColumnName("is_default");
        e.Property(s => s.ETag).HasColumnName("etag").IsConcurrencyToken();
        e.Property(s => s.CreatedDate).HasColumnName("created_date");
        e.Property(s => s.LastModifiedDate).HasColumnName("last_modified_date");
        e.Property(s => s.CreatedBy).HasColumnName("created_by").HasMaxLength(256);
        e.Property(s => s.ModifiedBy).HasColumnName("modified_by").HasMaxLength(256);
        e.Ignore(s => s.IsLive);

        // One live sandbox per name and organization; deleted ones stay readable and free their name.
        e.HasIndex(s => new { s.ImsOrg, s.Name }).IsUnique().HasFilter("\"state\" <> 'Deleted'").HasDatabaseName("ux_sandboxes_live_name");
    }
}
