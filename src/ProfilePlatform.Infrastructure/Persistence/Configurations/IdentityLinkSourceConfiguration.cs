using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Per-link provenance, one row per (dataset, batch); indexed by dataset for dataset deletion.</summary>
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

        // With the link's first XID after the dataset, a statement addressing one source row is selective through this
        // index too, whichever index the planner picks.
        e.HasIndex(s => new { s.ImsOrg, s.Sandbox, s.DatasetId, s.FirstXid }).HasDatabaseName("ix_identity_link_sources_dataset");
    }
}
