using System.Globalization;
using System.Text;
using Catalog.Api.Snapshot;

namespace Catalog.Api.Glossary;

/// <summary>
/// The compact term index a page is matched against: for every technology with a form that links in running text,
/// its id and those forms, and nothing else (no definitions, names or slugs), so that what every page view downloads
/// grows with the number of terms only. UTF-8 text:
/// <code>
/// catalog-terms 1 VERSION
/// [ID-STEP] TAB term TAB term ... VT case-sensitive-term ...
/// </code>
/// one line per technology in ascending id order, where ID-STEP is the difference from the id of the line before
/// (the first line's from 0) and is left out when it is 1 (the usual case: ids are dense). A term is preceded by a tab
/// when it links ignoring case, by a vertical tab (U+000B) when only its exact case links ("Heat", and every name
/// known only from the landscape). Control characters never occur in a term (they are refused on the way in, and
/// skipped here), so the separators are unambiguous.
/// </summary>
public static class TermIndex
{
    public const string Format = "catalog-terms 1";
    public const char CaseInsensitive = '\t';
    public const char CaseSensitive = '\v';

    public static string Build(CatalogSnapshot catalog)
    {
        var text = new StringBuilder(catalog.Technologies.Count * 24);
        text.Append(Format).Append(' ').Append(catalog.Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var previous = 0;
        foreach (var id in catalog.Technologies.Keys.Order())
        {
            var (insensitive, sensitive) = Terms(catalog, id);
            if (insensitive.Count == 0 && sensitive.Count == 0) continue;
            if (id - previous != 1) text.Append((id - previous).ToString(CultureInfo.InvariantCulture));
            previous = id;
            foreach (var term in insensitive) text.Append(CaseInsensitive).Append(term);
            foreach (var term in sensitive) text.Append(CaseSensitive).Append(term);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// A technology's linked forms, each once: those that ignore case (compared in lower case, as the widget folds
    /// text), then the exact-case ones that no case-insensitive form already covers.
    /// </summary>
    public static (List<string> Insensitive, List<string> Sensitive) Terms(CatalogSnapshot catalog, int technologyId)
    {
        var insensitive = new List<string>();
        var sensitive = new List<string>();
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var aliases = catalog.MatchTermsOf[technologyId];
        foreach (var alias in aliases)
            if (!alias.CaseSensitive && IsLinkable(alias.Text) && folded.Add(alias.Text.ToLowerInvariant())) insensitive.Add(alias.Text);
        foreach (var alias in aliases)
            if (alias.CaseSensitive && IsLinkable(alias.Text) && !folded.Contains(alias.Text.ToLowerInvariant()) && exact.Add(alias.Text)) sensitive.Add(alias.Text);
        return (insensitive, sensitive);
    }

    private static bool IsLinkable(string term) => !string.IsNullOrWhiteSpace(term) && !term.Any(char.IsControl);
}
