using System.Text;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Linking;
using Catalog.Model.Technologies;

namespace Catalog.Ingest.Annotating;

/// <summary>
/// Annotates a post for a blog that runs no scripts: the <see cref="Linker"/> decides, occurrence by occurrence, which
/// names mean a technology (the post's lines read together, as an import reads a section), and each decision that falls
/// on prose becomes a link to the glossary URL the user configured, or an <c>&lt;abbr title&gt;</c> with the short
/// definition; by default only a technology's first such occurrence, since a page of repeated links reads as noise.
/// A glossary section in the post's language ends it, with the name and short definition of every technology linked.
/// </summary>
public static class Annotator
{
    /// <summary>The placeholder of a glossary URL for a technology's slug.</summary>
    public const string SlugPlaceholder = "{slug}";

    /// <summary>The longest glossary URL template.</summary>
    public const int MaxUrlLength = 2_000;

    /// <summary>What is wrong with a glossary URL template, as a sentence, or null: it must be an absolute http(s) address with <c>{slug}</c>.</summary>
    public static string? UrlProblem(string template)
    {
        if (template.Length > MaxUrlLength) return $"The glossary URL has {template.Length:N0} characters; it may have at most {MaxUrlLength:N0}.";
        if (!template.Contains(SlugPlaceholder, StringComparison.Ordinal)) return $"The glossary URL must hold {SlugPlaceholder}, where each technology's slug goes (https://glossary.example/t/{SlugPlaceholder}).";
        if (template.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return "The glossary URL may not hold white space or control characters.";
        var sample = template.Replace(SlugPlaceholder, "slug", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "The glossary URL must be an absolute http:// or https:// address.";
        return null;
    }

    /// <param name="define">A technology's name and short definition in a language, by slug.</param>
    public static Annotation Annotate(string text, AnnotateOptions options, Linker linker, Func<string, Lang, TermDefinition?> define)
    {
        if (options.GlossaryUrl is { } template && UrlProblem(template) is { } problem) throw new ArgumentException(problem, nameof(options));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var post = options.Format == AnnotateFormat.Html ? HtmlPost.Read(text) : MarkdownPost.Read(text);
        var lang = options.Lang ?? (NotesDrafter.LanguageOf(post.Blocks) == "ja" ? Lang.Ja : Lang.En);

        // In document order; a decision outside prose (code, a heading, a link) is context, never a link.
        var decisions = linker.Decide(post.Blocks)
            .Where(d => post.MayLink(d.Block, d.Start, d.Length))
            .Where(d => options.Format == AnnotateFormat.Html || MarkdownPost.CanBeLinkText(post.Lines[d.Block].Substring(d.Start, d.Length)))
            .OrderBy(d => d.Block).ThenBy(d => d.Start).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<LinkDecision>();
        foreach (var decision in decisions)
        {
            if (chosen.Count > 0 && chosen[^1].Block == decision.Block && chosen[^1].Start + chosen[^1].Length > decision.Start) continue;
            if (!taken.Add(decision.Slug) && !options.All) continue;
            if (define(decision.Slug, lang) is null) continue;
            chosen.Add(decision);
        }

        var terms = new Dictionary<string, AnnotatedTerm>(StringComparer.Ordinal);
        var links = new List<AnnotatedLink>();
        foreach (var decision in chosen)
        {
            if (!terms.TryGetValue(decision.Slug, out var term))
            {
                var definition = define(decision.Slug, lang)!;
                var url = options.GlossaryUrl?.Replace(SlugPlaceholder, Uri.EscapeDataString(decision.Slug), StringComparison.Ordinal);
                terms[decision.Slug] = term = new AnnotatedTerm(decision.Slug, definition.Name, definition.Definition, definition.Composed, url);
            }
            links.Add(new AnnotatedLink(decision.Slug, term.Name, post.Lines[decision.Block].Substring(decision.Start, decision.Length),
                decision.Block + 1, decision.Start + 1, decision.Evidence));
        }

        var lines = post.Lines.ToArray();
        foreach (var line in chosen.GroupBy(d => d.Block))
        {
            var original = lines[line.Key];
            var rewritten = new StringBuilder(original.Length + 64);
            var at = 0;
            foreach (var decision in line)
            {
                var term = terms[decision.Slug];
                var surface = original.Substring(decision.Start, decision.Length);
                rewritten.Append(original, at, decision.Start - at).Append(options.Format == AnnotateFormat.Html
                    ? HtmlPost.Link(surface, term.Url, term.Definition)
                    : MarkdownPost.Link(surface, term.Url, term.Definition));
                at = decision.Start + decision.Length;
            }
            lines[line.Key] = rewritten.Append(original, at, original.Length - at).ToString();
        }

        var glossary = terms.Values.ToList();
        return new Annotation(Compose(text, lines, glossary, lang, options.Format), lang, options.Format, links, glossary);
    }

    /// <summary>The post's lines joined with its own line break, and the glossary section at its end.</summary>
    private static string Compose(string text, string[] lines, List<AnnotatedTerm> glossary, Lang lang, AnnotateFormat format)
    {
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var body = string.Join(newLine, lines);
        if (text.EndsWith('\n') || text.EndsWith('\r')) body += newLine;
        if (glossary.Count == 0) return body;
        var labels = GlossaryLabels.Of(lang);
        var code = lang == Lang.Ja ? "ja" : "en";
        if (format == AnnotateFormat.Html)
        {
            var section = HtmlPost.Glossary(glossary, labels, code).Replace("\n", newLine, StringComparison.Ordinal);
            var at = HtmlPost.GlossaryAt(body);
            var before = body[..at];
            var gap = before.Length == 0 || before.EndsWith('\n') ? "" : newLine;
            return before + gap + section + body[at..];
        }
        var markdown = MarkdownPost.Glossary(glossary, labels).Replace("\n", newLine, StringComparison.Ordinal);
        var separator = body.Length == 0 ? "" : body.EndsWith(newLine, StringComparison.Ordinal) ? newLine : newLine + newLine;
        return body + separator + markdown;
    }
}
