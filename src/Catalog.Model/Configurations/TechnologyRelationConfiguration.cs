using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyRelationConfiguration : IEntityTypeConfiguration<TechnologyRelation>
{
    public void Configure(EntityTypeBuilder<TechnologyRelation> builder)
    {
        builder.HasIndex(r => new { r.FromId, r.ToId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.ToId);
        builder.Property(r => r.SourceUrl).HasMaxLength(Limits.Url);
        builder.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_technology_relations_not_self", "from_id <> to_id"));
    }
}
