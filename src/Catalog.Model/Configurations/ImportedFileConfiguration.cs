using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class ImportedFileConfiguration : IEntityTypeConfiguration<ImportedFile>
{
    public void Configure(EntityTypeBuilder<ImportedFile> builder)
    {
        builder.ToTable("imported_files");
        builder.HasKey(f => f.Path);
        builder.Property(f => f.Path).HasMaxLength(Limits.ImportedPath);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ImportedBy).HasMaxLength(Limits.Name);
    }
}
