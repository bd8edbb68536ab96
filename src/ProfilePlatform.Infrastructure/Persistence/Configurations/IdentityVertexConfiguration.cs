using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Identity graph nodes: keyed by XID within the tenant, indexed by graph id (graphs are loaded whole).</summary>
internal sealed class IdentityVertexConfiguration : IEntityTypeConfiguration<IdentityVertexRecord>
{
    public void Configure(EntityTypeBuilder<IdentityVertexRecord> e)
    {
        e.ToTable("identity_vertices");
        e.HasKey(v => new { v.ImsOrg, v.Sandbox, v.Xid });
        e.Property(v => v.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(v => v.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(v => v.Xid).HasColumnName("xid").HasMaxLength(64);
        e.Property(v => v.Namespace).HasColumnName("namespace_code").HasMaxLength(256);
        e.Property(v => v.Value).HasColumnName("value");
        e.Property(v => v.IdType).HasColumnName("id_type").HasMaxLength(32);
        e.Property(v => v.GraphId).HasColumnName("graph_id").HasMaxLength(64);
        e.Property(v => v.LastUpdated).HasColumnName("last_updated");
        e.Property(v => v.GraphJoinedAt).HasColumnName("graph_joined_at");

        // Graph id first: an index led by the tenant columns looked as good as the key to PostgreSQL's planner on a
        // table not analyzed yet (every tenant-prefix match estimated at one row), and point updates by XID then
        // scanned the whole tenant through it.
        e.HasIndex(v => new { v.GraphId, v.ImsOrg, v.Sandbox }).HasDatabaseName("ix_identity_vertices_graph");
    }
}
