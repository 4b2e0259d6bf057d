using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(Limits.Slug);
        builder.Property(e => e.Name).HasMaxLength(Limits.Name);
        builder.Property(e => e.Edition).HasMaxLength(Limits.Name);
        builder.Property(e => e.City).HasMaxLength(Limits.Name);
        builder.Property(e => e.Homepage).HasMaxLength(Limits.Url);
        builder.Property(e => e.SourceUrl).HasMaxLength(Limits.Url);
    }
}
