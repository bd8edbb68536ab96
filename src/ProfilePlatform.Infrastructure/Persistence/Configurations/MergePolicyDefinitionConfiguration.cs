using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>Merge policies: one row each, the dataset order as a JSON array. The sandbox-wide rules are kept by
/// <see cref="MergePolicySet"/> under the revision of <c>profile_merge_policy_sandboxes</c>, not by indexes (a unique
/// "one default" index would refuse the moment between setting the new default and clearing the old one).</summary>
internal sealed class MergePolicyDefinitionConfiguration : IEntityTypeConfiguration<MergePolicyDefinition>
{
    public void Configure(EntityTypeBuilder<MergePolicyDefinition> e)
    {
        e.ToTable("profile_merge_policies");
        e.HasKey(p => new { p.ImsOrg, p.Sandbox, p.Id });
        e.Property(p => p.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(p => p.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(p => p.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(p => p.Name).HasColumnName("name").HasMaxLength(MergePolicyWire.MaxNameLength);
        e.Property(p => p.SchemaName).HasColumnName("schema_name").HasMaxLength(MergePolicyWire.MaxIdLength);
        e.Property(p => p.IdentityGraph).HasColumnName("identity_graph").HasMaxLength(32);
        e.Property(p => p.AttributeMerge).HasColumnName("attribute_merge").HasMaxLength(32);
        e.Property(p => p.Order).HasColumnName("dataset_order").AsJson();
        e.Property(p => p.IsDefault).HasColumnName("is_default");
        e.Property(p => p.IsActiveOnEdge).HasColumnName("is_active_on_edge");
        e.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
        e.Property(p => p.UpdateEpoch).HasColumnName("update_epoch");
        e.Property(p => p.Created).HasColumnName("created");
        e.Ignore(p => p.Fields);
    }
}
