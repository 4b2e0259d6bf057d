using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class SourceDocumentConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.ToTable("documents");
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.HasIndex(d => d.Path).IsUnique();
        builder.Property(d => d.Slug).HasMaxLength(Limits.Slug);
        builder.Property(d => d.Path).HasMaxLength(Limits.Url);
        builder.Property(d => d.Title).HasMaxLength(Limits.Title);
        builder.Property(d => d.Blog).HasMaxLength(Limits.Title);
        builder.Property(d => d.Author).HasMaxLength(Limits.Name);
        builder.Property(d => d.Language).HasMaxLength(8);
        builder.Property(d => d.Url).HasMaxLength(Limits.Url);
        builder.HasOne<Event>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<Section>().WithOne().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
