using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.WriteUps;

namespace Catalog.Tests.Import;

/// <summary>A blog's folder of front-mattered posts drafted at once (<see cref="BlogDraft"/>), against the seed's vocabulary.</summary>
public sealed class BlogDraftTests : IDisposable
{
    private static readonly ImportPlan Seed = SeedLoader.Load(Seeds.Repository);
    private static readonly NotesVocabulary Vocabulary = NotesVocabulary.From(Seed);

    /// <summary>The posts in <c>tests/Catalog.Tests.Support/Blog/</c>, copied so a test may add broken ones.</summary>
    private readonly DirectoryInfo _blog = Directory.CreateTempSubdirectory("catalog-blog-");

    public BlogDraftTests()
    {
        var source = Path.GetFullPath(Path.Combine(Seeds.Repository, "..", "tests", "Catalog.Tests.Support", "Blog"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_blog.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _blog.Delete(recursive: true);

    private static PostOutcome Post(BlogDraftResult result, string file) => result.Posts.Single(p => p.File == file);

    [Fact]
    public void Each_post_naming_known_technologies_gets_a_draft_and_the_others_are_counted()
    {
        var progress = new List<(int Done, int Total)>();
        var result = BlogDraft.Draft(_blog.FullName, Vocabulary, (done, total, _) => progress.Add((done, total)));

        Assert.Equal(["_posts/2026-01-10-building-images.md", "blog/2026-04-01-gardening.md", "content/posts/broken-front-matter.md",
            "content/posts/meetup-recap.md", "content/posts/moving-logs.md"], result.Posts.Select(p => p.File));
        Assert.Equal((5, 3, 1, 1), (result.Posts.Count, result.Drafted, result.Skipped, result.Failed));
        Assert.Equal([(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)], progress);
        Assert.False(Post(result, "blog/2026-04-01-gardening.md").Drafted); // names no known technology
        Assert.Equal(2, result.Talks);
        Assert.Equal(result.Posts.Sum(p => p.Draft?.MentionCount ?? 0), result.Mentions);

        // The broken post is reported with its file, line and code; the others are drafted all the same.
        var broken = Post(result, "content/posts/broken-front-matter.md").Problem!;
        Assert.Equal((PostProblem.FrontMatterInvalid, "content/posts/broken-front-matter.md", 1), (broken.Code, broken.File, broken.Line));
        Assert.StartsWith("content/posts/broken-front-matter.md:1: FRONT_MATTER_INVALID: ", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_conference_write_up_in_yaml_front_matter_gets_its_talks_an_event_to_fill_in_and_the_front_matters_facts()
    {
        var post = Post(BlogDraft.Draft(_blog.FullName, Vocabulary), "content/posts/meetup-recap.md");
        var draft = post.Draft!;

        Assert.Equal("notes/meetup-recap.md", draft.NotesPath);
        Assert.Equal("Riverside Cloud Meetup #7 recap", draft.Title);
        Assert.Equal(["Running Istio without tears", "What we learned from a year of Prometheus"],
            draft.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Title));
        Assert.Contains("    published: 2026-02-18\n", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("    url: https://blog.example.org/posts/meetup-recap/\n", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("    # tags: meetup, kubernetes\n", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("    name:                # FILL IN", draft.Yaml, StringComparison.Ordinal);
        // Front matter lines stay, empty: a mention's line is the post's.
        Assert.Contains(SeedImport(post, FillInEvent).Mentions, m => m.Document == "meetup-recap-notes" && m.Technology == "istio" && m.Line == 10);
    }

    [Fact]
    public void A_post_that_writes_up_no_event_becomes_a_document_with_sections_and_mentions_but_no_talks()
    {
        var result = BlogDraft.Draft(_blog.FullName, Vocabulary);
        var tomlPost = Post(result, "content/posts/moving-logs.md");
        var toml = tomlPost.Draft!;
        var plain = Post(result, "_posts/2026-01-10-building-images.md").Draft!;

        // TOML front matter: title, date, slug and tags; a table's keys are not the post's.
        Assert.Equal(("notes/moving-logs-to-fluentd.md", "Moving our logs to Fluentd"), (toml.NotesPath, toml.Title));
        Assert.Contains("    published: 2026-03-02\n", toml.Yaml, StringComparison.Ordinal);
        Assert.Contains("    # tags: logging, operations\n", toml.Yaml, StringComparison.Ordinal);
        // No front matter: the title heading, and the date of Jekyll's file name.
        Assert.Equal(("notes/building-images.md", "Building images faster"), (plain.NotesPath, plain.Title));
        Assert.Contains("    published: 2026-01-10\n", plain.Yaml, StringComparison.Ordinal);

        foreach (var draft in new[] { toml, plain })
        {
            Assert.DoesNotContain(draft.Headings, h => h.Kind == SectionKind.Talk);
            Assert.DoesNotContain("events:", draft.Yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("FILL IN:", draft.Yaml.Split("technologies:")[0], StringComparison.Ordinal);
        }
        // Imported as drafted, nothing filled in: sections and mentions, no talks, no event.
        var plan = SeedImport(tomlPost, yaml => yaml);
        var document = plan.Documents.Single(d => d.Seed.File == toml.NotesPath);
        Assert.Null(document.Seed.Event);
        Assert.DoesNotContain(document.Sections, s => s.Kind == SectionKind.Talk);
        Assert.Contains(document.Sections, s => s.Heading == "Buffers" && s.Kind == SectionKind.Other);
        Assert.Contains(plan.Mentions, m => m.Document == document.Seed.Slug && m.Technology == "fluentd" && m.Line == 18);
    }

    [Fact]
    public void A_post_with_a_nul_or_bytes_that_are_not_utf8_is_reported_at_its_line_and_the_others_are_drafted()
    {
        File.WriteAllText(Path.Combine(_blog.FullName, "content", "posts", "nul.md"), "# Kubernetes notes\n\nfine\nbad \0 here\n");
        File.WriteAllBytes(Path.Combine(_blog.FullName, "content", "posts", "latin1.md"), [.. "# Istio\n\n"u8, 0xE9, (byte)'\n']);

        var result = BlogDraft.Draft(_blog.FullName, Vocabulary);

        var nul = Post(result, "content/posts/nul.md").Problem!;
        Assert.Equal((PostProblem.TextInvalid, 4), (nul.Code, nul.Line));
        var latin1 = Post(result, "content/posts/latin1.md").Problem!;
        Assert.Equal((PostProblem.Unreadable, 3), (latin1.Code, latin1.Line));
        Assert.Equal((3, 3), (result.Drafted, result.Failed));
    }

    [Fact]
    public void Broken_toml_and_yaml_front_matter_are_reported_at_their_line()
    {
        File.WriteAllText(Path.Combine(_blog.FullName, "a.md"), "+++\ntitle = \"ok\"\nthis is not toml\n+++\n\nKubernetes\n");
        File.WriteAllText(Path.Combine(_blog.FullName, "b.md"), "---\ntitle: ok\ntags: [one, two\n---\n\nKubernetes\n");

        var result = BlogDraft.Draft(_blog.FullName, Vocabulary);

        Assert.Equal((PostProblem.FrontMatterInvalid, 3), (Post(result, "a.md").Problem!.Code, Post(result, "a.md").Problem!.Line));
        Assert.Equal(PostProblem.FrontMatterInvalid, Post(result, "b.md").Problem!.Code);
        Assert.InRange(Post(result, "b.md").Problem!.Line, 2, 4);
    }

    /// <summary>Loads the seed folder with a drafted post: its notes and its catalog file, edited.</summary>
    private static ImportPlan SeedImport(PostOutcome post, Func<string, string> edit) =>
        SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
            [new SeedFile(post.Draft!.NotesPath, post.NotesText!, true), new SeedFile(post.Draft.CatalogPath, edit(post.Draft.Yaml), true)]));
}
