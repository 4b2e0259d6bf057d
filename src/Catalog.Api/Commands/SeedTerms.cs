using Catalog.Api.Technologies;
using Catalog.Ingest.Annotating;
using Catalog.Ingest.Import;

namespace Catalog.Api.Commands;

/// <summary>
/// A technology's name and short definition from a seed read without a database: the one written for it, or the
/// sentences the catalog composes from its facts (<see cref="FactsDefinition"/>), as a snapshot of the same seed serves them.
/// </summary>
internal sealed class SeedTerms(SeedCatalog catalog)
{
    private readonly Dictionary<string, SeedTechnology> _technologies = catalog.Technologies.ToDictionary(t => t.Slug, StringComparer.Ordinal);
    private readonly Dictionary<string, SeedOrganization> _organizations = catalog.Organizations.ToDictionary(o => o.Slug, StringComparer.Ordinal);
    private readonly Dictionary<string, SeedCategory> _categories = catalog.Categories.ToDictionary(c => c.Slug, StringComparer.Ordinal);

    public TermDefinition? Define(string slug, Lang lang)
    {
        if (!_technologies.TryGetValue(slug, out var technology)) return null;
        if (technology.Definitions.Count > 0)
        {
            var written = technology.Definitions.FirstOrDefault(d => d.Lang == lang) ?? technology.Definitions[0];
            return new TermDefinition(technology.Name, written.Short, Composed: false);
        }
        var composed = FactsDefinition.Compose(Entity(technology),
            [.. technology.Organizations.OrderBy(m => m.Role).Where(m => _organizations.ContainsKey(m.Organization)).Select(m => Entity(_organizations[m.Organization]))],
            [.. technology.Categories.Where(_categories.ContainsKey).Select(c => new Category { Slug = c, NameEn = _categories[c].NameEn, NameJa = _categories[c].NameJa })]);
        return new TermDefinition(technology.Name, (composed.FirstOrDefault(d => d.Lang == lang) ?? composed[0]).Short, Composed: true);
    }

    private static Technology Entity(SeedTechnology t) => new()
    {
        Slug = t.Slug,
        Name = t.Name,
        Kind = t.Kind,
        Homepage = t.Homepage,
        Repository = t.Repository,
        Maturity = t.Maturity,
        Landscape = t.Landscape,
    };

    private static Organization Entity(SeedOrganization o) => new() { Slug = o.Slug, Name = o.Name, NameJa = o.NameJa, Kind = o.Kind };
}
