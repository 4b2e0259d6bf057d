using System.ComponentModel;

namespace Catalog.Api.Technologies;

/// <summary>Where a definition's words come from.</summary>
public enum DefinitionSource
{
    [Description("Written for the catalog, in its own words, from the technology's documentation (see `sourceUrl`).")]
    Curated,

    [Description("Composed by the catalog from the facts it holds (kind, maker, CNCF landscape place, CNCF maturity, public source code), true by construction; no one has written a definition yet.")]
    Facts,
}
