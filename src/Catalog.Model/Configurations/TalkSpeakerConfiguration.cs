using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Model.Configurations;

internal sealed class TalkSpeakerConfiguration : IEntityTypeConfiguration<TalkSpeaker>
{
    public void Configure(EntityTypeBuilder<TalkSpeaker> builder)
    {
        builder.HasKey(s => new { s.TalkId, s.PersonId });
        builder.HasIndex(s => s.PersonId);
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
