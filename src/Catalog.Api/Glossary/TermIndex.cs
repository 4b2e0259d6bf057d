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
/// [ID-STEP] TAB term TAB term ... VT case-sensitive-term ... FF ambiguous-term ...
/// </code>
/// one line per technology in ascending id order, where ID-STEP is the difference from the id of the line before
/// (the first line's from 0) and is left out when it is 1 (the usual case: ids are dense). A term is preceded by a tab
/// when it links ignoring case, by a vertical tab (U+000B) when only its exact case links (every name known only from
/// the landscape), and by a form feed (U+000C) when it is ambiguous ("Helm", "Heat", "Service"): a candidate in any
/// case that links only where the service decides it does (<c>POST /widget/links</c>, the same decision as every other
/// path that links). Control characters never occur in a term (they are refused on the way in, and skipped here), so
/// the separators are unambiguous.
/// </summary>
public static class TermIndex
{
    public const string Format = "catalog-terms 1";
    public const char CaseInsensitive = '\t';
    public const char CaseSensitive = '\v';
    public const char Ambiguous = '\f';

    public static string Build(CatalogSnapshot catalog)
    {
        var text = new StringBuilder(catalog.Technologies.Count * 24);
        text.Append(Format).Append(' ').Append(catalog.Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var previous = 0;
        foreach (var id in catalog.Technologies.Keys.Order())
        {
            var terms = Terms(catalog, id);
            if (terms.Insensitive.Count == 0 && terms.Sensitive.Count == 0 && terms.Ambiguous.Count == 0) continue;
            if (id - previous != 1) text.Append((id - previous).ToString(CultureInfo.InvariantCulture));
            previous = id;
            foreach (var term in terms.Insensitive) text.Append(CaseInsensitive).Append(term);
            foreach (var term in terms.Sensitive) text.Append(CaseSensitive).Append(term);
            foreach (var term in terms.Ambiguous) text.Append(Ambiguous).Append(term);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A technology's terms in the index, by how they link.</summary>
    public sealed record TermSet(List<string> Insensitive, List<string> Sensitive, List<string> Ambiguous);

    /// <summary>
    /// A technology's linked forms, each once: the unambiguous ones that ignore case (compared in lower case, as the
    /// widget folds text); the unambiguous exact-case ones that none of those covers; and the ambiguous ones, compared
    /// in lower case too (a candidate in any case), that no unambiguous form ignoring case already covers.
    /// </summary>
    public static TermSet Terms(CatalogSnapshot catalog, int technologyId)
    {
        var terms = new TermSet([], [], []);
        var folded = new HashSet<string>(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var aliases = catalog.MatchTermsOf[technologyId].Where(a => IsLinkable(a.Text)).ToList();
        foreach (var alias in aliases)
            if (alias.Ambiguity is null && !alias.CaseSensitive && folded.Add(alias.Text.ToLowerInvariant())) terms.Insensitive.Add(alias.Text);
        foreach (var alias in aliases)
            if (alias.Ambiguity is null && alias.CaseSensitive && !folded.Contains(alias.Text.ToLowerInvariant()) && exact.Add(alias.Text)) terms.Sensitive.Add(alias.Text);
        foreach (var alias in aliases)
            if (alias.Ambiguity is not null && folded.Add(alias.Text.ToLowerInvariant())) terms.Ambiguous.Add(alias.Text);
        return terms;
    }

    private static bool IsLinkable(string term) => !string.IsNullOrWhiteSpace(term) && !term.Any(char.IsControl);
}
