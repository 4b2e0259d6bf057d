
namespace Catalog.Model.Talks;

/// <summary>A speaker of a talk, with the organisation they spoke for.</summary>
public sealed class TalkSpeaker
{
    public int TalkId { get; init; }
    public int PersonId { get; init; }
    public int Position { get; set; }
    public int? OrganizationId { get; set; }
    public Person? Person { get; init; }
}
