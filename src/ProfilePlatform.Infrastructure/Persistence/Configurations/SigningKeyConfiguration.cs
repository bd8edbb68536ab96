using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProfilePlatform.Infrastructure.Persistence.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> e)
    {
        e.ToTable("signing_keys");
        e.HasKey(k => k.Id);
        e.Property(k => k.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(k => k.Key).HasColumnName("key").HasMaxLength(256);
        e.Property(k => k.CreatedDate).HasColumnName("created_date");
    }
}
