using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class PersistedDocumentConfiguration : IEntityTypeConfiguration<PersistedDocument>
{
    public void Configure(EntityTypeBuilder<PersistedDocument> builder)
    {
        builder.ToTable("persisted_documents");
        builder.HasKey(d => d.Hash);
        builder.Property(d => d.Hash).HasMaxLength(64);
        // The oldest go first when the table is pruned.
        builder.HasIndex(d => d.CreatedAt);
    }
}
