using Catalog.Api.Auth;
using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Notes.Importing;

/// <summary>
/// <c>importNotes</c> and <c>removeImportedNotes</c>: change the files imported through the API, then import the
/// effective seed (the seed folder and every imported file) in the same transaction, under the import lock.
/// </summary>
public sealed class ImportMutations : IMutationFields
{
    public const string SeedInvalid = ErrorCodes.SeedInvalid;
    public const string BadUserInput = ErrorCodes.BadUserInput;
    public const string NotFound = ErrorCodes.NotFound;

    private const string IsAnImport =
        "This is an import of the whole effective seed (the seed folder and every imported file): like any import it " +
        "makes the catalog hold exactly that seed, so changes made with `addTechnologyAlias` or `setTechnologyDefinition` are replaced.";

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ImportNotesPayloadType>("importNotes")
            .Description(
                "Imports notes and catalog files (the seed folder's format, see seed/README.md) and keeps them, so later imports " +
                "and restarts keep their documents, talks and mentions. A path imported before is replaced (that is how a document " +
                "is corrected); a path of the seed folder is refused. All or nothing: when the effective seed has problems, nothing " +
                "is written, the payload is null and each problem is an error with code SEED_INVALID and `extensions.file` and `extensions.line`. " +
                IsAnImport + " Needs an API key. The request body limit (`Catalog:Limits:MaxBodyBytes`) bounds the files' size.")
            .Argument<NonNullGraphType<ImportNotesInputType>>("input", "The files to import.")
            .ResolveAsync(async c => await ImportAsync(c, c.GetArgument<ImportNotesInput>("input")));

        mutation.Field<RemoveImportedNotesPayloadType>("removeImportedNotes")
            .Description(
                "Removes files imported with `importNotes` and imports the effective seed without them, in one transaction, so their " +
                "documents, talks and mentions disappear. A path that names no imported file refuses the whole request. " +
                IsAnImport + " Needs an API key.")
            .Argument<NonNullGraphType<RemoveImportedNotesInputType>>("input", "The files to remove.")
            .ResolveAsync(async c => await RemoveAsync(c, c.GetArgument<RemoveImportedNotesInput>("input")));
    }

    private static async Task<ImportNotesPayload?> ImportAsync(IResolveFieldContext context, ImportNotesInput input)
    {
        var key = context.ApiKeyName();
        var files = input.Files.Select(f => new SeedFile(f.Path, f.Content, Imported: true)).ToList();
        var result = await RunAsync(context, (importer, seed) => importer.ImportFilesAsync(seed, files, key, context.CancellationToken));
        if (result is null) return null;

        var catalog = await context.RefreshCatalogAsync();
        var documents = result.Documents.Select(slug => catalog.DocumentsBySlug[slug]).OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
        return new ImportNotesPayload(result, documents);
    }

    private static async Task<ImportedFilesResult?> RemoveAsync(IResolveFieldContext context, RemoveImportedNotesInput input)
    {
        var paths = input.Paths.ToList();
        var result = await RunAsync(context, (importer, seed) => importer.RemoveFilesAsync(seed, paths, context.CancellationToken));
        if (result is not null) await context.RefreshCatalogAsync();
        return result;
    }

    /// <summary>Runs a change of the imported files; a refused request or an invalid seed becomes GraphQL errors and null.</summary>
    private static async Task<ImportedFilesResult?> RunAsync(IResolveFieldContext context, Func<CatalogImporter, string, Task<ImportedFilesResult>> run)
    {
        var services = context.RequestServices!;
        var seed = services.GetRequiredService<IOptions<CatalogOptions>>().Value.SeedPath;
        try
        {
            return await run(services.GetRequiredService<CatalogImporter>(), seed);
        }
        catch (ImportRejectedException e)
        {
            var error = new ExecutionError(e.Message) { Code = e.Reason == ImportRejection.NotImported ? NotFound : BadUserInput };
            if (e.Path is not null) error.Extensions = new Dictionary<string, object?> { ["path"] = e.Path };
            throw error;
        }
        catch (SeedException e)
        {
            // The transaction was rolled back.
            AddSeedErrors(context, e.Errors);
            return null;
        }
    }

    /// <summary>One error per problem of the seed, each naming its file and line.</summary>
    public static void AddSeedErrors(IResolveFieldContext context, IEnumerable<SeedError> problems)
    {
        foreach (var problem in problems)
        {
            context.Errors.Add(new ExecutionError(problem.ToString())
            {
                Code = SeedInvalid,
                Path = context.Path,
                Extensions = new Dictionary<string, object?> { ["file"] = problem.File, ["line"] = problem.Line },
            });
        }
    }
}
