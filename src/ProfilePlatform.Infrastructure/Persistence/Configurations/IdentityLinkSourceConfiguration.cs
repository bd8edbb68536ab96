using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Per-link provenance, one row per (dataset, batch). No index by dataset: each link source would cost a
/// second B-tree insertion at a random position on every batch, for the benefit of dataset deletion and batch revert
/// alone, which scan the tenant's sources instead (docs/profile-store.md has the measured trade).</summary>
internal sealed class IdentityLinkSourceConfiguration : IEntityTypeConfiguration<IdentityLinkSourceRecord>
{
    public void Configure(EntityTypeBuilder<IdentityLinkSourceRecord> e)
    {
        e.ToTable("identity_link_sources");
        e.HasKey(s => new { s.ImsOrg, s.Sandbox, s.FirstXid, s.SecondXid, s.DatasetId, s.BatchId });
        e.Property(s => s.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(s => s.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(s => s.FirstXid).HasColumnName("first_xid").HasMaxLength(64);
        e.Property(s => s.SecondXid).HasColumnName("second_xid").HasMaxLength(64);
        e.Property(s => s.DatasetId).HasColumnName("dataset_id").HasMaxLength(64);
        e.Property(s => s.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(s => s.At).HasColumnName("at");
    }
}
