namespace Catalog.Model.Technologies;

/// <summary>What a technology is, in one language: a tooltip-sized text and an optional long one.</summary>
public sealed class TechnologyDefinition
{
    public int Id { get; init; }
    public int TechnologyId { get; init; }
    public required Lang Lang { get; init; }
    public required string Short { get; set; }

    /// <summary>Markdown.</summary>
    public string? Long { get; set; }

    /// <summary>Where the facts come from; the wording is Catalog's own.</summary>
    public string? SourceUrl { get; set; }
}
