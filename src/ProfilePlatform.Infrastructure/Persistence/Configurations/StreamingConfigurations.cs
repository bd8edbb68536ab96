using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Streaming;
using ProfilePlatform.Infrastructure.Streaming;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Streaming inlets: the 64-hex inlet id is unique across tenants (collection finds the tenant by it); the Flow Service
/// connection id finds the inlet of a connection.</summary>
internal sealed class StreamingInletConfiguration : IEntityTypeConfiguration<StreamingInlet>
{
    public void Configure(EntityTypeBuilder<StreamingInlet> e)
    {
        e.ToTable("streaming_inlets");
        e.HasKey(i => new { i.ImsOrg, i.Sandbox, i.InletId });
        e.HasIndex(i => i.InletId).IsUnique().HasDatabaseName("ux_streaming_inlets_inlet");
        e.Property(i => i.InletId).HasColumnName("inlet_id").HasMaxLength(64);
        e.Property(i => i.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(i => i.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(i => i.ConnectionId).HasColumnName("connection_id").HasMaxLength(36);
        e.Property(i => i.Name).HasColumnName("name").HasMaxLength(StreamingInlet.MaxTextLength);
        e.Property(i => i.Description).HasColumnName("description").HasMaxLength(StreamingInlet.MaxTextLength);
        e.Property(i => i.SourceId).HasColumnName("source_id").HasMaxLength(StreamingInlet.MaxTextLength);
        e.Property(i => i.DataType).HasColumnName("data_type").HasMaxLength(16);
        e.Property(i => i.AuthenticationRequired).HasColumnName("authentication_required");
        e.Property(i => i.ProviderId).HasColumnName("provider_id").HasMaxLength(StreamingInlet.MaxTextLength);
        e.Property(i => i.Etag).HasColumnName("etag").HasMaxLength(64);
        e.Property(i => i.Created).HasColumnName("created");
        e.Property(i => i.Updated).HasColumnName("updated");
        e.Property(i => i.CreatedBy).HasColumnName("created_by").HasMaxLength(256);
        e.Property(i => i.UpdatedBy).HasColumnName("updated_by").HasMaxLength(256);
        e.Property(i => i.CreatedClient).HasColumnName("created_client").HasMaxLength(256);
        e.HasIndex(i => new { i.ImsOrg, i.Sandbox, i.ConnectionId }).HasDatabaseName("ix_streaming_inlets_connection");
        e.HasIndex(i => new { i.ImsOrg, i.Sandbox, i.Created }).HasDatabaseName("ix_streaming_inlets_tenant");
    }
}

/// <summary>Accepted messages waiting for their batch, in arrival order per dataset: a queue of all tenants (like
/// <c>ingest_jobs</c>), read and written with plain SQL that always names the organization and sandbox.</summary>
internal sealed class StreamingMessageConfiguration : IEntityTypeConfiguration<StreamingMessageRow>
{
    public void Configure(EntityTypeBuilder<StreamingMessageRow> e)
    {
        e.ToTable("streaming_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
        e.Property(m => m.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(m => m.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(m => m.DataSetId).HasColumnName("data_set_id").HasMaxLength(64);
        e.Property(m => m.InletId).HasColumnName("inlet_id").HasMaxLength(64);
        e.Property(m => m.IsValid).HasColumnName("is_valid");
        e.Property(m => m.XactionId).HasColumnName("xaction_id").HasMaxLength(64);
        e.Property(m => m.ReceivedMs).HasColumnName("received_ms");
        e.Property(m => m.Record).HasColumnName("record"); // text on both stores: written and read back as the exact bytes
        e.HasIndex(m => new { m.ImsOrg, m.Sandbox, m.DataSetId, m.IsValid, m.Id }).HasDatabaseName("ix_streaming_messages_target");
    }
}
