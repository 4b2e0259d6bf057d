namespace Catalog.Model.Technologies;

/// <summary>A project, product, service, specification or concept the notes mention.</summary>
public sealed class Technology : IEntity
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required TechnologyKind Kind { get; set; }
    public string? Homepage { get; set; }
    public string? Repository { get; set; }

    /// <summary>How many times the notes name it; kept by the importer for ordering and ranking.</summary>
    public int MentionCount { get; set; }

    /// <summary>The CNCF maturity level; null for a technology that is not a CNCF project.</summary>
    public Maturity? Maturity { get; set; }

    /// <summary>Where the CNCF landscape lists it; null when the landscape does not.</summary>
    public LandscapeEntry? Landscape { get; set; }
}
