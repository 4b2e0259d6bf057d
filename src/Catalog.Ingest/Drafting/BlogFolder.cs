using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>A problem of one post, with the stable code that names its kind and the file and line it is at.</summary>
public sealed record PostProblem(string Code, string File, int Line, string Message)
{
    /// <summary>The post cannot be read (missing, no permission, not UTF-8).</summary>
    public const string Unreadable = "POST_UNREADABLE";

    /// <summary>The front matter is not closed or cannot be parsed.</summary>
    public const string FrontMatterInvalid = "FRONT_MATTER_INVALID";

    /// <summary>The text holds what notes may not: a NUL or other control character, an overlong line, too many headings.</summary>
    public const string TextInvalid = "POST_TEXT_INVALID";

    public override string ToString() => $"{File}:{Line}: {Code}: {Message}";
}

/// <summary>A post of a blog, read: its notes name, its text with the front matter blanked, and what the front matter says.</summary>
/// <param name="Name">The NAME of <c>notes/NAME.md</c>: the front matter's slug, else the file's name (a Jekyll date
/// prefix left out; a Hugo page bundle's <c>index.md</c> by its folder).</param>
/// <param name="Text">The post with its front matter's lines left empty, so that line N is still line N of the post.</param>
public sealed record BlogPost(string File, string Name, string Text, PostFacts Facts);

/// <summary>
/// The posts of a blog as static-site generators keep them: Markdown files under a folder (Hugo's <c>content/posts/</c>,
/// Jekyll's <c>_posts/YYYY-MM-DD-slug.md</c>, Astro's <c>src/content/blog/</c>, Docusaurus's <c>blog/</c>), each
/// maybe opening with front matter in YAML (<c>---</c>) or TOML (<c>+++</c>).
/// </summary>
public static partial class BlogFolder
{
    /// <summary>The Markdown files under a folder, in path order; list pages (Hugo's <c>_index.md</c>), hidden folders and
    /// <c>node_modules</c> left out.</summary>
    public static List<string> Posts(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".md" or ".markdown" or ".mdx")
            .Where(f => !Path.GetFileName(f).Equals("_index.md", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') || p == "node_modules"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads one post, or says what stops it from being drafted.</summary>
    public static (BlogPost? Post, PostProblem? Problem) Read(string file, string displayPath)
    {
        var (text, error) = SeedLoader.ReadText(file);
        if (error is { } e) return (null, new PostProblem(PostProblem.Unreadable, displayPath, Math.Max(e.Line, 1), e.Message));
        if (SeedText.Check(displayPath, text!, notes: true).FirstOrDefault() is { } invalid)
            return (null, new PostProblem(PostProblem.TextInvalid, displayPath, invalid.Line, invalid.Message));
        var lines = NotesParser.SplitLines(text!);
        var (facts, frontLines, problem) = FrontMatter.Read(lines, displayPath);
        if (problem is not null) return (null, problem);
        // The front matter's lines stay, empty, so a mention's line is the post's.
        var body = string.Join('\n', lines.Select((l, i) => i < frontLines ? "" : l));
        var isConference = NotesDrafter.EventLike(facts.Title ?? "") || facts.Tags.Any(NotesDrafter.EventLike);
        var name = NameOf(file, facts.Slug);
        var jekyll = JekyllDate().Match(Path.GetFileName(file));
        var published = facts.Date ?? (jekyll.Success ? jekyll.Groups[1].Value : null);
        return (new BlogPost(displayPath, name, body, new PostFacts(facts.Title, published, facts.Url, facts.Tags, isConference)), null);
    }

    private static string NameOf(string file, string? slug)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        if (stem.Equals("index", StringComparison.OrdinalIgnoreCase)) stem = Path.GetFileName(Path.GetDirectoryName(file)) ?? stem;
        stem = JekyllDate().Replace(stem, "");
        var name = DraftText.Slugify(slug is { Length: > 0 } ? slug.Trim('/').Split('/')[^1] : stem, 60);
        return name.Length > 0 ? name : "post";
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})-", RegexOptions.CultureInvariant)]
    private static partial Regex JekyllDate();
}
