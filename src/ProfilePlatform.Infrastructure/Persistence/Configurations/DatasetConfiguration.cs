using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Catalog datasets: the client-written fields as one JSON document, with what lists filter and sort on
/// (name, schema, created, updated) promoted to indexed columns.</summary>
internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> e)
    {
        e.ToTable("catalog_datasets");
        e.HasKey(d => new { d.ImsOrg, d.Sandbox, d.Id });
        e.Property(d => d.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(d => d.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(d => d.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(d => d.SandboxId).HasColumnName("sandbox_id").HasMaxLength(64);
        e.Property(d => d.ViewId).HasColumnName("view_id").HasMaxLength(64);
        e.Property(d => d.Name).HasColumnName("name").HasMaxLength(DatasetFields.MaxNameLength);
        e.Property(d => d.SchemaId).HasColumnName("schema_id").HasMaxLength(512);
        e.Property(d => d.Fields).HasColumnName("fields")
            .AsJson(f => f.ToJson().ToJsonString(), s => DatasetFields.Parse(JsonNode.Parse(s)!.AsObject()));
        e.Property(d => d.Created).HasColumnName("created");
        e.Property(d => d.Updated).HasColumnName("updated");
        e.Property(d => d.CreatedClient).HasColumnName("created_client").HasMaxLength(256);
        e.Property(d => d.CreatedUser).HasColumnName("created_user").HasMaxLength(256);
        e.Property(d => d.UpdatedUser).HasColumnName("updated_user").HasMaxLength(256);
        e.Property(d => d.Version).HasColumnName("version").HasMaxLength(32).IsConcurrencyToken();
        e.Property(d => d.LastBatchId).HasColumnName("last_batch_id").HasMaxLength(64);
        e.Property(d => d.LastBatchStatus).HasColumnName("last_batch_status")
            .HasConversion(s => s!.Value.ToWire(), s => BatchStatuses.FromWire(s)).HasMaxLength(32);
        e.Property(d => d.LastBatchCreated).HasColumnName("last_batch_created");
        e.Property(d => d.LastSuccessfulBatch).HasColumnName("last_successful_batch").HasMaxLength(64);
        e.Property(d => d.LastFailedBatch).HasColumnName("last_failed_batch").HasMaxLength(64);
        e.Ignore(d => d.Description);
        e.Ignore(d => d.SchemaRef);
        e.Ignore(d => d.Tags);
        e.Ignore(d => d.FileDescription);
        e.Ignore(d => d.State);
        e.Ignore(d => d.Files);

        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.Created }).HasDatabaseName("ix_catalog_datasets_created");
        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.Updated }).HasDatabaseName("ix_catalog_datasets_updated");
        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.Name }).HasDatabaseName("ix_catalog_datasets_name");
        e.HasIndex(d => new { d.ImsOrg, d.Sandbox, d.SchemaId }).HasDatabaseName("ix_catalog_datasets_schema");
    }
}
