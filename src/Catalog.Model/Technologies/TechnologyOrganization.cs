
namespace Catalog.Model.Technologies;

/// <summary>Who makes a technology.</summary>
public sealed class TechnologyOrganization
{
    public int TechnologyId { get; init; }
    public int OrganizationId { get; init; }
    public required OrganizationRole Role { get; init; }
    public string? SourceUrl { get; set; }
    public Organization? Organization { get; init; }
}
