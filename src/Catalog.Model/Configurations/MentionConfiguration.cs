using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.HasIndex(m => new { m.SectionId, m.Line, m.Column }).IsUnique();
        builder.HasIndex(m => m.TechnologyId);
        builder.Property(m => m.MatchedText).HasMaxLength(Limits.Alias);
        builder.HasOne<Section>().WithMany().HasForeignKey(m => m.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Technology>().WithMany().HasForeignKey(m => m.TechnologyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TechnologyAlias>().WithMany().HasForeignKey(m => m.AliasId).OnDelete(DeleteBehavior.SetNull);
    }
}
