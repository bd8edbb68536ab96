using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Profile.MergePolicies;
using ProfilePlatform.Infrastructure.Profile;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Merge policies: one row each, the policy's JSON document plus indexed columns. The sandbox-wide rules are
/// kept by <see cref="MergePolicySet"/> under the revision of <c>profile_merge_policy_sandboxes</c>, not by indexes (a
/// unique "one default" index would refuse the moment between setting the new default and clearing the old one).</summary>
internal sealed class MergePolicyRowConfiguration : IEntityTypeConfiguration<MergePolicyRow>
{
    public void Configure(EntityTypeBuilder<MergePolicyRow> e)
    {
        e.ToTable("profile_merge_policies");
        e.HasKey(p => new { p.ImsOrg, p.Sandbox, p.Id });
        e.Property(p => p.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(p => p.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(p => p.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(p => p.Position).HasColumnName("position");
        e.Property(p => p.SchemaName).HasColumnName("schema_name").HasMaxLength(MergePolicyDraft.MaxIdLength);
        e.Property(p => p.IsDefault).HasColumnName("is_default");
        e.Property(p => p.IsActiveOnEdge).HasColumnName("is_active_on_edge");
        e.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
        e.Property(p => p.UpdateEpoch).HasColumnName("update_epoch");
        e.Property(p => p.Document).HasColumnName("document");
        e.HasIndex(p => new { p.ImsOrg, p.Sandbox, p.SchemaName, p.IsDefault });
    }
}

/// <summary>One row per sandbox that has merge policies; its revision serializes every change of them.</summary>
internal sealed class MergePolicyRevisionRowConfiguration : IEntityTypeConfiguration<MergePolicyRevisionRow>
{
    public void Configure(EntityTypeBuilder<MergePolicyRevisionRow> e)
    {
        e.ToTable("profile_merge_policy_sandboxes");
        e.HasKey(s => new { s.ImsOrg, s.Sandbox });
        e.Property(s => s.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(s => s.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(s => s.Revision).HasColumnName("revision").IsConcurrencyToken();
        e.Property(s => s.Provisioned).HasColumnName("provisioned");
    }
}
