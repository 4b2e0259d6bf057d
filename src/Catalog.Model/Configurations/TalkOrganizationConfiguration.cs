using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TalkOrganizationConfiguration : IEntityTypeConfiguration<TalkOrganization>
{
    public void Configure(EntityTypeBuilder<TalkOrganization> builder)
    {
        builder.HasKey(o => new { o.TalkId, o.OrganizationId });
        builder.HasIndex(o => o.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
