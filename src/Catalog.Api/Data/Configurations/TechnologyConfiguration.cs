using Catalog.Api.Technologies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Api.Data.Configurations;

internal sealed class TechnologyConfiguration : IEntityTypeConfiguration<Technology>
{
    public void Configure(EntityTypeBuilder<Technology> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(Limits.Slug);
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.Property(t => t.Homepage).HasMaxLength(Limits.Url);
        builder.Property(t => t.Repository).HasMaxLength(Limits.Url);
        builder.HasMany(t => t.Aliases).WithOne(a => a.Technology).HasForeignKey(a => a.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Definitions).WithOne().HasForeignKey(d => d.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Categories).WithOne().HasForeignKey(c => c.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Organizations).WithOne().HasForeignKey(o => o.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Relations).WithOne(r => r.From).HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
    }
}
