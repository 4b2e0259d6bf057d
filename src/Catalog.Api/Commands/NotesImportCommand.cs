using Catalog.Api.Data;
using Catalog.Api.Development;
using Catalog.Ingest.Import;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Commands;

/// <summary>
/// <c>notes import DIR [--seed PATH]</c>: imports the drafts of <c>notes draft DIR --out DIR</c> (<c>DIR/notes/*.md</c>
/// and <c>DIR/catalog/*.yaml</c>) as files imported through the API, all in one transaction: when any file has a
/// problem, every problem is reported as <c>file:line</c> and nothing is written, so a blog goes in whole or not at all.
/// </summary>
public static class NotesImportCommand
{
    public static bool IsNotesImportCommand(string[] args) => args is ["notes", "import", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            var folder = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? args[2] : null;
            if (folder is null || !Directory.Exists(folder))
            {
                Console.Error.WriteLine("Usage: notes import DIR [--seed PATH]   (DIR holds notes/*.md and catalog/*.yaml, as `notes draft DIR --out DIR` writes them)");
                return 2;
            }
            var files = new List<SeedFile>();
            var problems = new List<SeedError>();
            foreach (var (sub, pattern) in new[] { ("notes", "*.md"), ("catalog", "*.yaml") })
            {
                var path = Path.Combine(folder, sub);
                if (!Directory.Exists(path)) continue;
                foreach (var file in Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal))
                {
                    var relative = $"{sub}/{Path.GetFileName(file)}";
                    var (text, problem) = SeedLoader.ReadText(file);
                    if (problem is { } p) problems.Add(new SeedError(relative, Math.Max(p.Line, 1), p.Message));
                    else files.Add(new SeedFile(relative, text!, Imported: true));
                }
            }
            if (problems.Count > 0) return DraftCommand.Fail(Console.Error, problems);
            if (files.Count == 0)
            {
                Console.Error.WriteLine($"{folder} holds no notes/*.md nor catalog/*.yaml to import.");
                return 1;
            }

            var seed = DraftCommand.Option(args, "--seed") ?? app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value.SeedPath;
            await app.Services.MigrateCatalogDatabaseAsync();
            var result = await app.Services.GetRequiredService<CatalogImporter>().ImportFilesAsync(seed, files, "notes import");
            Console.WriteLine($"Imported {files.Count} files, {result.Documents.Count} documents: {string.Join(", ", result.Documents)}");
            Console.WriteLine(result.Import.Summary());
            return 0;
        }
        catch (ImportRejectedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (SeedException e)
        {
            Console.Error.WriteLine("Nothing was imported:");
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            app.Services.GetService<LocalPostgresServer>()?.Stop();
        }
    }
}
