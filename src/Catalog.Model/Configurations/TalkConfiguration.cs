using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TalkConfiguration : IEntityTypeConfiguration<Talk>
{
    public void Configure(EntityTypeBuilder<Talk> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.EventId);
        builder.Property(t => t.Slug).HasMaxLength(Limits.Slug);
        builder.Property(t => t.Title).HasMaxLength(Limits.Title);
        builder.Property(t => t.Time).HasMaxLength(Limits.Label);
        builder.Property(t => t.Track).HasMaxLength(Limits.Label);
        builder.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<TalkSpeaker>().WithOne().HasForeignKey(s => s.TalkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<TalkOrganization>().WithOne().HasForeignKey(o => o.TalkId).OnDelete(DeleteBehavior.Cascade);
    }
}
