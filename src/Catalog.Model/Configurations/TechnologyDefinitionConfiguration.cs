using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyDefinitionConfiguration : IEntityTypeConfiguration<TechnologyDefinition>
{
    public void Configure(EntityTypeBuilder<TechnologyDefinition> builder)
    {
        builder.HasIndex(d => new { d.TechnologyId, d.Lang }).IsUnique();
        builder.Property(d => d.Short).HasMaxLength(Limits.ShortDefinition);
        builder.Property(d => d.SourceUrl).HasMaxLength(Limits.Url);
    }
}
