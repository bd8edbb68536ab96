using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Cluster history: one row per (identity, cluster), the time it last joined that cluster; read by XID. The
/// entry of an identity's current cluster is its node's <c>graph_joined_at</c> (<see cref="IdentityVertexRecord.GraphJoinedAt"/>);
/// rows are written for clusters it left.</summary>
internal sealed class IdentityClusterHistoryConfiguration : IEntityTypeConfiguration<IdentityClusterHistoryRecord>
{
    public void Configure(EntityTypeBuilder<IdentityClusterHistoryRecord> e)
    {
        e.ToTable("identity_cluster_history");
        e.HasKey(h => new { h.ImsOrg, h.Sandbox, h.Xid, h.GraphId });
        e.Property(h => h.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(h => h.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(h => h.Xid).HasColumnName("xid").HasMaxLength(64);
        e.Property(h => h.GraphId).HasColumnName("graph_id").HasMaxLength(64);
        e.Property(h => h.RecordedAt).HasColumnName("recorded_at");
    }
}
