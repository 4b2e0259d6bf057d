namespace Catalog.Api.Technologies;

public enum AliasKind
{
    /// <summary>The technology's own name.</summary>
    Name,
    /// <summary>The technology's slug, kept so a slug resolves through the same index.</summary>
    Slug,
    Abbreviation,
    Reading,
    FormerName,
    /// <summary>A spelling (typos included) that the notes themselves use.</summary>
    NotesSpelling,
    Translation,
    Other,
}
