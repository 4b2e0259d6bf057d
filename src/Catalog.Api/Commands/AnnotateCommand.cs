using Catalog.Ingest.Annotating;
using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>notes annotate FILE [--lang ja|en] [--format markdown|html] [--glossary-url TEMPLATE] [--all] [--seed PATH]</c>:
/// prints the post with its technologies linked and a glossary section at its end. Like <c>notes draft</c>, it reads the
/// catalog from the seed folder, not a database: a writer annotates a post where the repository is, with no service or
/// PostgreSQL to start, and the decisions are the ones an import of the same text makes.
/// </summary>
public static class AnnotateCommand
{
    private const string Usage = "Usage: notes annotate FILE [--lang ja|en] [--format markdown|html] [--glossary-url TEMPLATE] [--all] [--seed PATH]";

    public static bool IsAnnotateCommand(string[] args) => args is ["notes", "annotate", ..];

    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args) =>
        Run(args, DraftCommand.SeedPath(configuration, environment, args), Console.Out, Console.Error);

    public static int Run(string[] args, string seedRoot, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not { } request)
        {
            error.WriteLine(Usage);
            return 2;
        }
        if (request.Options.GlossaryUrl is { } url && Annotator.UrlProblem(url) is { } urlProblem)
        {
            error.WriteLine(urlProblem);
            return 2;
        }

        var (text, problem) = SeedLoader.ReadText(request.File);
        var errors = problem is { } p ? [new SeedError(request.File, p.Line, p.Message)] : SeedText.Check(request.File, text!, notes: true).ToList();
        if (errors.Count > 0) return Fail(error, errors);

        ImportPlan plan;
        try
        {
            plan = SeedLoader.Load(seedRoot);
        }
        catch (SeedException e)
        {
            error.WriteLine("The seed the annotation reads its catalog from has problems:");
            return Fail(error, e.Errors);
        }

        var terms = new SeedTerms(plan.Catalog);
        var annotation = Annotator.Annotate(text!, request.Options, new Linker(PlanVocabulary.From(plan.Catalog, plan.Aliases)), terms.Define);
        output.Write(annotation.Text);
        error.WriteLine($"{annotation.Links.Count} links to {annotation.Glossary.Count} technologies; the post read as {(annotation.Lang == Lang.Ja ? "ja" : "en")}.");
        return 0;
    }

    private sealed record Request(string File, AnnotateOptions Options);

    /// <summary>The command's file and options, or null when they are not what <see cref="Usage"/> says.</summary>
    private static Request? Parse(string[] args)
    {
        string? file = null;
        var options = new AnnotateOptions();
        for (var i = 2; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (args[i])
            {
                case "--lang":
                    var lang = Value();
                    if (lang is not ("ja" or "en")) return null;
                    options = options with { Lang = lang == "ja" ? Lang.Ja : Lang.En };
                    break;
                case "--format":
                    var format = Value();
                    if (format is not ("markdown" or "html")) return null;
                    options = options with { Format = format == "html" ? AnnotateFormat.Html : AnnotateFormat.Markdown };
                    break;
                case "--glossary-url":
                    if (Value() is not { } url) return null;
                    options = options with { GlossaryUrl = url };
                    break;
                case "--all":
                    options = options with { All = true };
                    break;
                case "--seed":
                    if (Value() is null) return null;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || file is not null) return null;
                    file = args[i];
                    break;
            }
        }
        return file is null ? null : new Request(file, options);
    }

    private static int Fail(TextWriter error, IEnumerable<SeedError> errors)
    {
        foreach (var e in errors) error.WriteLine(e);
        return 1;
    }
}
