using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>notes draft DIR --out OUT</c>: drafts each post of a blog folder that names a technology the catalog knows into
/// <c>OUT/notes/NAME.md</c> (the post, its front matter's lines left empty) and <c>OUT/catalog/NAME.yaml</c>, with a
/// progress bar on a terminal (a line per post otherwise) and a summary table at the end. A post that cannot be read
/// is reported with its file, line and code, and the others are drafted; the exit code is then 1.
/// </summary>
public static class BlogDraftCommand
{
    private const int BarWidth = 24;

    public static int Run(string folder, string outFolder, string seedRoot, TextWriter error, bool terminal)
    {
        ImportPlan plan;
        try
        {
            plan = SeedLoader.Load(seedRoot);
        }
        catch (SeedException e)
        {
            error.WriteLine("The seed the draft reads its vocabulary from has problems:");
            return DraftCommand.Fail(error, e.Errors);
        }

        var result = BlogDraft.Draft(folder, NotesVocabulary.From(plan), (done, total, post) => Progress(error, terminal, done, total, post));
        if (terminal && result.Posts.Count > 0) error.WriteLine();
        Directory.CreateDirectory(Path.Combine(outFolder, "notes"));
        Directory.CreateDirectory(Path.Combine(outFolder, "catalog"));
        foreach (var post in result.Posts.Where(p => p.Drafted))
        {
            File.WriteAllText(Path.Combine(outFolder, post.Draft!.NotesPath), post.NotesText);
            File.WriteAllText(Path.Combine(outFolder, post.Draft.CatalogPath), post.Draft.Yaml);
        }
        Summary(error, result, outFolder);
        return result.Failed > 0 ? 1 : 0;
    }

    /// <summary>A bar redrawn in place on a terminal; a plain line per post where stderr is a file or a pipe.</summary>
    private static void Progress(TextWriter error, bool terminal, int done, int total, PostOutcome post)
    {
        if (!terminal)
        {
            error.WriteLine($"[{done}/{total}] {post.File}: {What(post)}");
            return;
        }
        var filled = total == 0 ? BarWidth : done * BarWidth / total;
        var bar = new string('█', filled) + new string('░', BarWidth - filled);
        var name = post.File.Length > 40 ? "…" + post.File[^39..] : post.File;
        error.Write($"\r{bar} {done,4}/{total} {name,-40}");
        if (post.Problem is { } problem) error.Write($"\r{problem}{new string(' ', 20)}\n");
    }

    private static string What(PostOutcome post) => post switch
    {
        { Problem: { } problem } => $"{problem.Code} at line {problem.Line}: {problem.Message}",
        { Draft: { } draft } => $"drafted {draft.CatalogPath}: {draft.Headings.Count(h => h.Kind == SectionKind.Talk)} talks, {draft.MentionCount} mentions, {draft.Candidates.Count} candidates",
        _ => "skipped: it names no technology the catalog knows",
    };

    private static void Summary(TextWriter error, BlogDraftResult result, string outFolder)
    {
        error.WriteLine();
        error.WriteLine("| posts | drafted | skipped | failed | talks | mentions | candidates |");
        error.WriteLine("|------:|--------:|--------:|-------:|------:|---------:|-----------:|");
        error.WriteLine($"| {result.Posts.Count,5} | {result.Drafted,7} | {result.Skipped,7} | {result.Failed,6} | {result.Talks,5} | {result.Mentions,8} | {result.Candidates,10} |");
        foreach (var post in result.Posts.Where(p => p.Problem is not null)) error.WriteLine(post.Problem);
        if (result.Drafted > 0)
            error.WriteLine($"Drafts in {outFolder}: fill in the event of each write-up of one (FILL IN), then `notes import {outFolder}`.");
    }
}
