using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>notes draft FILE.md [--out FILE.yaml] [--seed PATH]</c>: drafts the catalog entries for a write-up from the
/// seed folder's vocabulary (no database) and writes them to the file, or prints them.
/// </summary>
public static class DraftCommand
{
    public static bool IsDraftCommand(string[] args) => args is ["notes", "draft", ..];

    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args) =>
        Run(args, SeedPath(configuration, environment, args), Console.Out, Console.Error);

    public static int Run(string[] args, string seedRoot, TextWriter output, TextWriter error)
    {
        var file = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
        var outPath = Option(args, "--out");
        if (file is null || (args.Contains("--out") && outPath is null))
        {
            error.WriteLine("Usage: notes draft FILE.md [--out FILE.yaml] [--seed PATH]");
            return 2;
        }

        var (text, problem) = SeedLoader.ReadText(file);
        var errors = problem is { } p ? [new SeedError(file, p.Line, p.Message)] : SeedText.Check(file, text!, notes: true).ToList();
        if (errors.Count > 0) return Fail(error, errors);

        ImportPlan plan;
        try
        {
            plan = SeedLoader.Load(seedRoot);
        }
        catch (SeedException e)
        {
            error.WriteLine("The seed the draft reads its vocabulary from has problems:");
            return Fail(error, e.Errors);
        }

        var draft = NotesDrafter.Draft($"notes/{NotesName(file)}.md", text!, NotesVocabulary.From(plan));
        if (outPath is null)
        {
            output.Write(draft.Yaml);
            return 0;
        }
        File.WriteAllText(outPath, draft.Yaml);
        var talks = draft.Headings.Count(h => h.Kind == SectionKind.Talk);
        error.WriteLine($"Wrote {outPath}: {talks} talks, {draft.Headings.Count(h => h.Kind is not null) - talks} other sections, " +
            $"{draft.MentionCount} mentions, {draft.NearMisses.Count(n => !n.LookUpOnly)} near-miss spellings, {draft.Candidates.Count} terms the catalog lacks.");
        error.WriteLine($"Fill in the event's facts, then import it as {draft.CatalogPath} with the notes as {draft.NotesPath}.");
        return 0;
    }

    /// <summary>NAME for <c>notes/NAME.md</c>: the file's name in the characters an imported path allows.</summary>
    private static string NotesName(string file)
    {
        var name = string.Concat(Path.GetFileNameWithoutExtension(file).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')).Trim('-', '.', '_');
        return name.Length > 0 ? name : "notes";
    }

    private static int Fail(TextWriter error, IEnumerable<SeedError> errors)
    {
        foreach (var e in errors) error.WriteLine(e);
        return 1;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    internal static string SeedPath(IConfiguration configuration, IHostEnvironment environment, string[] args)
    {
        var configured = configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.SeedPath)}"];
        return Option(args, "--seed") ?? (string.IsNullOrWhiteSpace(configured) ? CatalogOptions.FindSeed(environment.ContentRootPath) : configured);
    }
}
