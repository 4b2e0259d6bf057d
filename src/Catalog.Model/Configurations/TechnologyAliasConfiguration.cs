using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyAliasConfiguration : IEntityTypeConfiguration<TechnologyAlias>
{
    public void Configure(EntityTypeBuilder<TechnologyAlias> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(Limits.Alias);
        builder.Property(a => a.Normalized).HasMaxLength(Limits.Alias);
        builder.Property(a => a.Ambiguity).HasMaxLength(64);
        // The case-insensitive look-up of any name, slug or alias: one probe of this unique index.
        builder.HasIndex(a => a.Normalized).IsUnique();
        // Substring (LIKE '%x%') and typo (similarity) search over every form of every name.
        builder.HasIndex(a => a.Normalized, "ix_technology_aliases_normalized_trgm")
            .HasDatabaseName("ix_technology_aliases_normalized_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(a => a.TechnologyId);
    }
}
