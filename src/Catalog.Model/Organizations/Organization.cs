namespace Catalog.Model.Organizations;

/// <summary>A company, foundation, community or division: speakers' employers and makers of technologies.</summary>
public sealed class Organization : IEntity, ISlugged
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string? NameJa { get; set; }
    public required OrganizationKind Kind { get; set; }
    public int? ParentId { get; set; }
    public string? Homepage { get; set; }
    public List<string> Aliases { get; set; } = [];

    /// <summary>The CNCF membership tier as the landscape names it ("Platinum", "Silver", ...); null when not a member.</summary>
    public string? Membership { get; set; }

    /// <summary>The day it joined the CNCF, when the landscape says.</summary>
    public DateOnly? MemberSince { get; set; }

    /// <summary>
    /// The CNCF programmes the landscape lists it in ("Kubernetes Certified Service Provider", "Kubernetes and Cloud
    /// Native Training Partner", "Certified CNFs"), in the landscape's order.
    /// </summary>
    public List<string> CncfPrograms { get; set; } = [];

    /// <summary>Its Crunchbase profile, the landscape's key for an organisation.</summary>
    public string? Crunchbase { get; set; }
}
