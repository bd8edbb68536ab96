using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Ingestion;
using ProfilePlatform.Infrastructure.Ingestion;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Files uploaded to batches: path, dataset, where their bytes are, size and state.</summary>
internal sealed class BatchFileConfiguration : IEntityTypeConfiguration<BatchFile>
{
    public void Configure(EntityTypeBuilder<BatchFile> e)
    {
        e.ToTable("ingest_batch_files");
        e.HasKey(f => new { f.ImsOrg, f.Sandbox, f.BatchId, f.Name });
        e.Property(f => f.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(f => f.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(f => f.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(f => f.Name).HasColumnName("name").HasMaxLength(BatchFilePath.MaxLength);
        e.Property(f => f.DataSetId).HasColumnName("data_set_id").HasMaxLength(64);
        e.Property(f => f.ContentId).HasColumnName("content_id").HasMaxLength(32);
        e.Property(f => f.Size).HasColumnName("size");
        e.Property(f => f.IsComplete).HasColumnName("is_complete");
        e.Property(f => f.AnnouncedSize).HasColumnName("announced_size");
        e.Property(f => f.Sequence).HasColumnName("sequence");
        e.Property(f => f.Created).HasColumnName("created");
        e.Property(f => f.Updated).HasColumnName("updated");
    }
}

/// <summary>Uploaded bytes, at most 1 MiB a row, by content and offset.</summary>
internal sealed class FileChunkConfiguration : IEntityTypeConfiguration<FileChunkRecord>
{
    public void Configure(EntityTypeBuilder<FileChunkRecord> e)
    {
        e.ToTable("ingest_file_chunks");
        e.HasKey(c => new { c.ImsOrg, c.Sandbox, c.ContentId, c.Offset });
        e.Property(c => c.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(c => c.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(c => c.ContentId).HasColumnName("content_id").HasMaxLength(32);
        e.Property(c => c.Offset).HasColumnName("offset");
        e.Property(c => c.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(c => c.Data).HasColumnName("data");
        e.HasIndex(c => new { c.ImsOrg, c.Sandbox, c.BatchId }).HasDatabaseName("ix_ingest_file_chunks_batch");
    }
}

/// <summary>The job queue: one row per completed batch, found by state and time by the claiming worker.</summary>
internal sealed class IngestionJobConfiguration : IEntityTypeConfiguration<IngestionJobRecord>
{
    public void Configure(EntityTypeBuilder<IngestionJobRecord> e)
    {
        e.ToTable("ingest_jobs");
        e.HasKey(j => j.Id);
        e.Property(j => j.Id).HasColumnName("id").HasMaxLength(32);
        e.Property(j => j.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(j => j.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(j => j.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(j => j.State).HasColumnName("state").HasMaxLength(16);
        e.Property(j => j.Attempts).HasColumnName("attempts");
        e.Property(j => j.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(128);
        e.Property(j => j.LeaseExpires).HasColumnName("lease_expires");
        e.Property(j => j.AvailableAt).HasColumnName("available_at");
        e.Property(j => j.Created).HasColumnName("created");
        e.Property(j => j.Updated).HasColumnName("updated");
        e.Property(j => j.LastError).HasColumnName("last_error").HasMaxLength(4096);
        e.HasIndex(j => new { j.ImsOrg, j.Sandbox, j.BatchId }).IsUnique().HasDatabaseName("ux_ingest_jobs_batch");
        e.HasIndex(j => new { j.State, j.AvailableAt }).HasDatabaseName("ix_ingest_jobs_state");
    }
}

/// <summary>The records batches landed, in chunks by batch, file and first row; found by dataset for previews and deletion.</summary>
internal sealed class DatasetRecordChunkConfiguration : IEntityTypeConfiguration<DatasetRecordChunkRow>
{
    public void Configure(EntityTypeBuilder<DatasetRecordChunkRow> e)
    {
        e.ToTable("dataset_record_chunks");
        e.HasKey(r => new { r.ImsOrg, r.Sandbox, r.BatchId, r.FileIndex, r.FirstRow });
        e.Property(r => r.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(r => r.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(r => r.DataSetId).HasColumnName("data_set_id").HasMaxLength(64);
        e.Property(r => r.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(r => r.FileIndex).HasColumnName("file_index");
        e.Property(r => r.FirstRow).HasColumnName("first_row");
        e.Property(r => r.RecordCount).HasColumnName("record_count");
        e.Property(r => r.Records).HasColumnName("records");
        e.HasIndex(r => new { r.ImsOrg, r.Sandbox, r.DataSetId }).HasDatabaseName("ix_dataset_record_chunks_data_set");
    }
}

/// <summary>Rows batches refused, by batch and order.</summary>
internal sealed class RowErrorConfiguration : IEntityTypeConfiguration<RowErrorRecord>
{
    public void Configure(EntityTypeBuilder<RowErrorRecord> e)
    {
        e.ToTable("ingest_row_errors");
        e.HasKey(r => new { r.ImsOrg, r.Sandbox, r.BatchId, r.Sequence });
        e.Property(r => r.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(r => r.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(r => r.BatchId).HasColumnName("batch_id").HasMaxLength(64);
        e.Property(r => r.Sequence).HasColumnName("sequence");
        e.Property(r => r.FileName).HasColumnName("file_name").HasMaxLength(BatchFilePath.MaxLength);
        e.Property(r => r.RowNumber).HasColumnName("row_number");
        e.Property(r => r.Code).HasColumnName("code").HasMaxLength(16);
        e.Property(r => r.Problems).HasColumnName("problems");
        e.Property(r => r.Raw).HasColumnName("raw");
    }
}
