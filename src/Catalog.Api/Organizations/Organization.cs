namespace Catalog.Api.Organizations;

/// <summary>A company, foundation, community or division: speakers' employers and makers of technologies.</summary>
public sealed class Organization : Data.IEntity, Data.ISlugged
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string? NameJa { get; set; }
    public required OrganizationKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string? Homepage { get; set; }
    public List<string> Aliases { get; set; } = [];
}
