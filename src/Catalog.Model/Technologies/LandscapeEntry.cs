namespace Catalog.Model.Technologies;

/// <summary>
/// Where the CNCF Cloud Native Landscape lists a technology, and the facts it records about it. Stored in the
/// technology's own row; null for a technology the landscape does not list.
/// </summary>
public sealed record LandscapeEntry
{
    /// <summary>Where the facts (and any description) come from, and under which licence.</summary>
    public const string Attribution = "CNCF Cloud Native Landscape (https://landscape.cncf.io/), Apache License 2.0";

    /// <summary>The landscape category, as the landscape spells it ("Orchestration & Management").</summary>
    public required string Category { get; init; }

    /// <summary>The landscape subcategory, as the landscape spells it ("Service Mesh").</summary>
    public required string Subcategory { get; init; }

    /// <summary>
    /// The landscape's own description: the landscape's words, never Catalog's definition. Only a landscape file
    /// that carries descriptions provides one; the repository's copy carries none.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>The logo's file name in the landscape ("istio.svg").</summary>
    public string? Logo { get; init; }

    /// <summary>The day the CNCF accepted the project (at any level).</summary>
    public DateOnly? AcceptedOn { get; init; }

    /// <summary>The day the project moved to incubation.</summary>
    public DateOnly? IncubatingOn { get; init; }

    /// <summary>The day the project graduated.</summary>
    public DateOnly? GraduatedOn { get; init; }

    /// <summary>The day the CNCF archived the project.</summary>
    public DateOnly? ArchivedOn { get; init; }
}
