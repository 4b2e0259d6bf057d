using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.HasIndex(s => new { s.DocumentId, s.Slug }).IsUnique();
        builder.HasIndex(s => s.TalkId).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(Limits.Slug);
        builder.Property(s => s.Heading).HasMaxLength(Limits.Title);
        builder.HasOne<Talk>().WithMany().HasForeignKey(s => s.TalkId).OnDelete(DeleteBehavior.SetNull);
    }
}
