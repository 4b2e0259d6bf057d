using Catalog.Api.Organizations;
using Catalog.Api.Talks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Api.Data.Configurations;

internal sealed class TalkOrganizationConfiguration : IEntityTypeConfiguration<TalkOrganization>
{
    public void Configure(EntityTypeBuilder<TalkOrganization> builder)
    {
        builder.HasKey(o => new { o.TalkId, o.OrganizationId });
        builder.HasIndex(o => o.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
