using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Catalog dataset files, found by dataset, view and batch.</summary>
internal sealed class DataSetFileConfiguration : IEntityTypeConfiguration<DataSetFile>
{
    public void Configure(EntityTypeBuilder<DataSetFile> e)
    {
        e.ToTable("catalog_dataset_files");
        e.HasKey(f => new { f.ImsOrg, f.Sandbox, f.Id });
        e.Property(f => f.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(f => f.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(f => f.Id).HasColumnName("id").HasMaxLength(96);
        e.Property(f => f.DataSetId).HasColumnName("data_set_id").HasMaxLength(64);
        e.Property(f => f.DataSetViewId).HasColumnName("data_set_view_id").HasMaxLength(64);
        e.Property(f => f.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(f => f.Name).HasColumnName("name").HasMaxLength(1024);
        e.Property(f => f.Size).HasColumnName("size");
        e.Property(f => f.Records).HasColumnName("records");
        e.Property(f => f.IsValid).HasColumnName("is_valid");
        e.Property(f => f.Created).HasColumnName("created");
        e.Property(f => f.Updated).HasColumnName("updated");
        e.Property(f => f.CreatedClient).HasColumnName("created_client").HasMaxLength(256);
        e.Property(f => f.CreatedUser).HasColumnName("created_user").HasMaxLength(256);
        e.Property(f => f.UpdatedUser).HasColumnName("updated_user").HasMaxLength(256);
        e.Property(f => f.Version).HasColumnName("version").HasMaxLength(32).IsConcurrencyToken();

        e.HasIndex(f => new { f.ImsOrg, f.Sandbox, f.DataSetId, f.Created }).HasDatabaseName("ix_catalog_dataset_files_data_set");
        e.HasIndex(f => new { f.ImsOrg, f.Sandbox, f.BatchId }).HasDatabaseName("ix_catalog_dataset_files_batch");
        e.HasIndex(f => new { f.ImsOrg, f.Sandbox, f.Created }).HasDatabaseName("ix_catalog_dataset_files_created");
    }
}
