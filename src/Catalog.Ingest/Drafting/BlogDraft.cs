using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>What became of one post: its draft, or why it has none (it names no known technology, or a problem).</summary>
public sealed record PostOutcome(string File, NotesDraft? Draft, string? NotesText, PostProblem? Problem)
{
    public bool Drafted => Draft is not null;
}

/// <summary>The drafts of a blog's posts and the figures of the summary table.</summary>
public sealed record BlogDraftResult(IReadOnlyList<PostOutcome> Posts)
{
    public int Drafted => Posts.Count(p => p.Drafted);
    public int Failed => Posts.Count(p => p.Problem is not null);
    /// <summary>Posts read without a problem that name no technology the catalog knows.</summary>
    public int Skipped => Posts.Count - Drafted - Failed;
    public int Talks => Posts.Sum(p => p.Draft?.Headings.Count(h => h.Kind == SectionKind.Talk) ?? 0);
    public int Mentions => Posts.Sum(p => p.Draft?.MentionCount ?? 0);
    public int Candidates => Posts.Sum(p => p.Draft?.Candidates.Count ?? 0);
}

/// <summary>
/// Drafts every post of a blog folder (<see cref="BlogFolder"/>): one draft per post that names a technology the
/// catalog knows. A post that cannot be read is reported and the others are drafted all the same.
/// </summary>
public static class BlogDraft
{
    /// <param name="progress">Told after each post: how many are done of how many, and the post.</param>
    public static BlogDraftResult Draft(string folder, NotesVocabulary vocabulary, Action<int, int, PostOutcome>? progress = null)
    {
        var files = BlogFolder.Posts(folder);
        var outcomes = new List<PostOutcome>(files.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var display = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var (post, problem) = BlogFolder.Read(file, display);
            PostOutcome outcome;
            if (post is null) outcome = new PostOutcome(display, null, null, problem);
            else
            {
                var name = post.Name;
                for (var n = 2; !names.Add(name); n++) name = $"{post.Name}-{n}";
                var draft = NotesDrafter.Draft($"notes/{name}.md", post.Text, vocabulary, post.Facts);
                outcome = new PostOutcome(display, draft.MentionCount > 0 ? draft : null, post.Text, null);
            }
            outcomes.Add(outcome);
            progress?.Invoke(outcomes.Count, files.Count, outcome);
        }
        return new BlogDraftResult(outcomes);
    }
}
