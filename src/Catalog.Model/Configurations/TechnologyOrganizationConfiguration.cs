using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TechnologyOrganizationConfiguration : IEntityTypeConfiguration<TechnologyOrganization>
{
    public void Configure(EntityTypeBuilder<TechnologyOrganization> builder)
    {
        builder.HasKey(o => new { o.TechnologyId, o.OrganizationId, o.Role });
        builder.HasIndex(o => o.OrganizationId);
        builder.Property(o => o.SourceUrl).HasMaxLength(Limits.Url);
        builder.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
