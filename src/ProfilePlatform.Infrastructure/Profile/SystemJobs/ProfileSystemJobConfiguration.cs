using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProfilePlatform.Infrastructure.Profile.SystemJobs;

/// <summary><c>profile_system_jobs</c>: keyed by tenant and id; the worker finds claimable jobs by (status, lease expiry).</summary>
internal sealed class ProfileSystemJobConfiguration : IEntityTypeConfiguration<ProfileSystemJobRecord>
{
    public void Configure(EntityTypeBuilder<ProfileSystemJobRecord> e)
    {
        e.ToTable("profile_system_jobs");
        e.HasKey(j => new { j.ImsOrg, j.Sandbox, j.Id });
        e.Property(j => j.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(j => j.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(j => j.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(j => j.JobType).HasColumnName("job_type").HasMaxLength(32);
        e.Property(j => j.DatasetId).HasColumnName("dataset_id").HasMaxLength(64);
        e.Property(j => j.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(j => j.Status).HasColumnName("status").HasMaxLength(16);
        e.Property(j => j.RecordsProcessed).HasColumnName("records_processed");
        e.Property(j => j.Message).HasColumnName("message").HasMaxLength(4096);
        e.Property(j => j.Created).HasColumnName("created");
        e.Property(j => j.Updated).HasColumnName("updated");
        e.Property(j => j.Started).HasColumnName("started");
        e.Property(j => j.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(128);
        e.Property(j => j.LeaseExpires).HasColumnName("lease_expires");
        e.Property(j => j.Attempts).HasColumnName("attempts");
        e.HasIndex(j => new { j.Status, j.LeaseExpires }).HasDatabaseName("ix_profile_system_jobs_claim");
    }
}
