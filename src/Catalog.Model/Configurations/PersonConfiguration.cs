using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(Limits.Slug);
        builder.Property(p => p.Name).HasMaxLength(Limits.Name);
        builder.Property(p => p.Handle).HasMaxLength(Limits.Name);
        builder.Property(p => p.ProfileUrl).HasMaxLength(Limits.Url);
    }
}
