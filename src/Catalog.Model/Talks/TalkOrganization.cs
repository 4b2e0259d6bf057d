namespace Catalog.Model.Talks;

/// <summary>An organisation behind a talk: its speakers' and any the talk names.</summary>
public sealed class TalkOrganization
{
    public int TalkId { get; init; }
    public int OrganizationId { get; init; }
    public int Position { get; set; }
}
