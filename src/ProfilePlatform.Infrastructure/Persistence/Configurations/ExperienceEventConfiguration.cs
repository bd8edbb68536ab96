using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Experience events: keyed by the dedupe key (dataset, hash of <c>_id</c>), indexed by (primary XID,
/// timestamp) for a profile's time-ordered events.</summary>
internal sealed class ExperienceEventConfiguration : IEntityTypeConfiguration<ExperienceEventRecord>
{
    public void Configure(EntityTypeBuilder<ExperienceEventRecord> e)
    {
        e.ToTable("profile_experience_events");
        e.HasKey(x => new { x.ImsOrg, x.Sandbox, x.DatasetId, x.EventKey });
        e.Property(x => x.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(x => x.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(x => x.DatasetId).HasColumnName("dataset_id").HasMaxLength(64);
        e.Property(x => x.EventKey).HasColumnName("event_key").HasMaxLength(64);
        e.Property(x => x.EventId).HasColumnName("event_id");
        e.Property(x => x.PrimaryXid).HasColumnName("primary_xid").HasMaxLength(64);
        e.Property(x => x.PrimaryNamespace).HasColumnName("primary_namespace").HasMaxLength(256);
        e.Property(x => x.PrimaryValue).HasColumnName("primary_value");
        e.Property(x => x.Identities).HasColumnName("identities");
        e.Property(x => x.Timestamp).HasColumnName("timestamp");
        e.Property(x => x.Record).HasColumnName("record");
        e.Property(x => x.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(x => x.IngestedAt).HasColumnName("ingested_at");

        e.HasIndex(x => new { x.ImsOrg, x.Sandbox, x.PrimaryXid, x.Timestamp }).HasDatabaseName("ix_profile_experience_events_primary_xid_time");
    }
}
