using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Slug).HasMaxLength(Limits.Slug);
        builder.Property(o => o.Name).HasMaxLength(Limits.Name);
        builder.Property(o => o.NameJa).HasMaxLength(Limits.Name);
        builder.Property(o => o.Homepage).HasMaxLength(Limits.Url);
        builder.Property(o => o.Membership).HasMaxLength(Limits.Name);
        builder.Property(o => o.Crunchbase).HasMaxLength(Limits.Url);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
