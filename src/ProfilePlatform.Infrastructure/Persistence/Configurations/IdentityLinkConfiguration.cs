using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Infrastructure.Identity;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Identity graph edges, keyed by their two XIDs; a graph's links are found by the first XID (both ends of a
/// link are always in the same graph). Each row carries its provenance (<c>sources</c>, JSON text). No index by dataset:
/// dataset deletion and batch revert scan the tenant's links instead of every link of every batch paying a second B-tree
/// insertion at a random position (docs/profile-store.md has the measured trade).</summary>
internal sealed class IdentityLinkConfiguration : IEntityTypeConfiguration<IdentityLinkRecord>
{
    public void Configure(EntityTypeBuilder<IdentityLinkRecord> e)
    {
        e.ToTable("identity_links");
        e.HasKey(l => new { l.ImsOrg, l.Sandbox, l.FirstXid, l.SecondXid });
        e.Property(l => l.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(l => l.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(l => l.FirstXid).HasColumnName("first_xid").HasMaxLength(64);
        e.Property(l => l.SecondXid).HasColumnName("second_xid").HasMaxLength(64);
        e.Property(l => l.FirstEstablished).HasColumnName("first_established");
        e.Property(l => l.LastEstablished).HasColumnName("last_established");
        e.Property(l => l.Sources).HasColumnName("sources").IsRequired();
    }
}
