using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyConfiguration : IEntityTypeConfiguration<Technology>
{
    public void Configure(EntityTypeBuilder<Technology> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Slug).HasMaxLength(Limits.Slug);
        builder.Property(t => t.Name).HasMaxLength(Limits.Name);
        builder.Property(t => t.Homepage).HasMaxLength(Limits.Url);
        builder.Property(t => t.Repository).HasMaxLength(Limits.Url);
        // technologies(maturity:) filters on it.
        builder.HasIndex(t => t.Maturity);
        // The landscape's facts live in the technology's own row (landscape_* columns), null when it is not listed.
        builder.ComplexProperty(t => t.Landscape, landscape =>
        {
            landscape.Property(l => l.Category).HasMaxLength(Limits.Name);
            landscape.Property(l => l.Subcategory).HasMaxLength(Limits.Name);
            landscape.Property(l => l.Logo).HasMaxLength(Limits.Name);
        });
        // Relationships without collection navigations: the snapshot holds a technology's rows in its own indexes,
        // and an empty list per navigation on each of a large catalog's entities was tens of megabytes.
        builder.HasMany<TechnologyAlias>().WithOne(a => a.Technology).HasForeignKey(a => a.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TechnologyDefinition>().WithOne().HasForeignKey(d => d.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TechnologyCategory>().WithOne().HasForeignKey(c => c.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TechnologyOrganization>().WithOne().HasForeignKey(o => o.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TechnologyRelation>().WithOne(r => r.From).HasForeignKey(r => r.FromId).OnDelete(DeleteBehavior.Cascade);
    }
}
