using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Catalog;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Catalog batches: status, dataset and times as indexed columns, the structured parts (input format, tags,
/// metrics, errors, other related objects) as JSON text.</summary>
internal sealed class BatchConfiguration : IEntityTypeConfiguration<Batch>
{
    public void Configure(EntityTypeBuilder<Batch> e)
    {
        e.ToTable("catalog_batches");
        e.HasKey(b => new { b.ImsOrg, b.Sandbox, b.Id });
        e.Property(b => b.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(b => b.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(b => b.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(b => b.SandboxId).HasColumnName("sandbox_id").HasMaxLength(64);
        e.Property(b => b.DataSetId).HasColumnName("data_set_id").HasMaxLength(64);
        e.Property(b => b.Status).HasColumnName("status")
            .HasConversion(s => s.ToWire(), s => BatchStatuses.FromWire(s) ?? BatchStatus.Failed).HasMaxLength(32);
        e.Property(b => b.ExternalId).HasColumnName("external_id").HasMaxLength(256);
        e.Property(b => b.InputFormat).HasColumnName("input_format").AsJson();
        e.Property(b => b.Tags).HasColumnName("tags")
            .AsJson(t => t.ToJson().ToJsonString(), s => CatalogTags.Parse(System.Text.Json.Nodes.JsonNode.Parse(s)));
        e.Property(b => b.OtherRelatedObjects).HasColumnName("other_related_objects").AsJson();
        e.Property(b => b.Replay).HasColumnName("replay").AsJson();
        e.Property(b => b.Metrics).HasColumnName("metrics").AsJson();
        e.Property(b => b.Errors).HasColumnName("errors").AsJson();
        e.Property(b => b.Created).HasColumnName("created");
        e.Property(b => b.Updated).HasColumnName("updated");
        e.Property(b => b.Started).HasColumnName("started");
        e.Property(b => b.Completed).HasColumnName("completed");
        e.Property(b => b.CreatedClient).HasColumnName("created_client").HasMaxLength(256);
        e.Property(b => b.CreatedUser).HasColumnName("created_user").HasMaxLength(256);
        e.Property(b => b.UpdatedUser).HasColumnName("updated_user").HasMaxLength(256);
        e.Property(b => b.Version).HasColumnName("version").HasMaxLength(32).IsConcurrencyToken();
        e.Ignore(b => b.RelatedObjects);
        e.Ignore(b => b.AcceptsFiles);

        e.HasIndex(b => new { b.ImsOrg, b.Sandbox, b.Created }).HasDatabaseName("ix_catalog_batches_created");
        e.HasIndex(b => new { b.ImsOrg, b.Sandbox, b.Updated }).HasDatabaseName("ix_catalog_batches_updated");
        e.HasIndex(b => new { b.ImsOrg, b.Sandbox, b.DataSetId, b.Created }).HasDatabaseName("ix_catalog_batches_data_set");
        e.HasIndex(b => new { b.ImsOrg, b.Sandbox, b.Status }).HasDatabaseName("ix_catalog_batches_status");
    }
}
