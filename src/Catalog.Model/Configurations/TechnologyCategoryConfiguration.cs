using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyCategoryConfiguration : IEntityTypeConfiguration<TechnologyCategory>
{
    public void Configure(EntityTypeBuilder<TechnologyCategory> builder)
    {
        builder.HasKey(c => new { c.TechnologyId, c.CategoryId });
        builder.HasIndex(c => c.CategoryId);
        builder.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
