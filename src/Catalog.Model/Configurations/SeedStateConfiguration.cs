using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class SeedStateConfiguration : IEntityTypeConfiguration<SeedState>
{
    public void Configure(EntityTypeBuilder<SeedState> builder)
    {
        builder.ToTable("seed_state");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SeedHash).HasMaxLength(64);
    }
}
