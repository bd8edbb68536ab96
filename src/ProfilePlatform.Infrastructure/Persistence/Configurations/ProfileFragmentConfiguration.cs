using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Profile fragments: keyed by (primary XID, dataset), so the key alone serves profile lookups across datasets
/// and the upsert's reads; no second index, which cost every fragment of a batch another B-tree insertion at a random
/// position. Dataset deletion scans the tenant's fragments instead (docs/profile-store.md has the measured trade).
/// Record and identities are JSON text (not <c>jsonb</c>, which would reorder the record's fields).</summary>
internal sealed class ProfileFragmentConfiguration : IEntityTypeConfiguration<ProfileFragmentRecord>
{
    public void Configure(EntityTypeBuilder<ProfileFragmentRecord> e)
    {
        e.ToTable("profile_fragments");
        e.HasKey(f => new { f.ImsOrg, f.Sandbox, f.PrimaryXid, f.DatasetId });
        e.Property(f => f.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(f => f.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(f => f.DatasetId).HasColumnName("dataset_id").HasMaxLength(64);
        e.Property(f => f.PrimaryXid).HasColumnName("primary_xid").HasMaxLength(64);
        e.Property(f => f.PrimaryNamespace).HasColumnName("primary_namespace").HasMaxLength(256);
        e.Property(f => f.PrimaryValue).HasColumnName("primary_value");
        e.Property(f => f.Identities).HasColumnName("identities");
        e.Property(f => f.Record).HasColumnName("record");
        e.Property(f => f.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(f => f.IngestedAt).HasColumnName("ingested_at");
        e.Property(f => f.LastUpdated).HasColumnName("last_updated");
    }
}
