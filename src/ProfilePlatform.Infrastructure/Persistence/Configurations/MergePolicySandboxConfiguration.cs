using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProfilePlatform.Domain.Profile.MergePolicies;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

/// <summary>One row per sandbox that has merge policies; its revision serializes every change of them.</summary>
internal sealed class MergePolicySandboxConfiguration : IEntityTypeConfiguration<MergePolicySandbox>
{
    public void Configure(EntityTypeBuilder<MergePolicySandbox> e)
    {
        e.ToTable("profile_merge_policy_sandboxes");
        e.HasKey(s => new { s.ImsOrg, s.Sandbox });
        e.Property(s => s.ImsOrg).HasColumnName("ims_org").HasMaxLength(256);
        e.Property(s => s.Sandbox).HasColumnName("sandbox").HasMaxLength(64);
        e.Property(s => s.Revision).HasColumnName("revision").IsConcurrencyToken();
        e.Property(s => s.Provisioned).HasColumnName("provisioned");
    }
}
