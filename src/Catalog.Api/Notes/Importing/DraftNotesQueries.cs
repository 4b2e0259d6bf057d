using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

/// <summary><c>draftNotes</c>: the catalog entries for a write-up, drafted for its author to complete and import.</summary>
public sealed class DraftNotesQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NotesDraftType>("draftNotes")
            .Description(
                "Drafts the catalog YAML for a Markdown write-up, to fill in and import with `importNotes` (the same as the `notes draft` " +
                "command): the document, a talk per heading that introduces one, sections of the right kinds for the other headings, the " +
                "speakers (those the catalog knows, and new ones from the links under a talk's heading) and organisations the catalog knows, and, as comments beside each talk, the known technologies it mentions with " +
                "their lines, near-miss spellings of known names with the alias that would link them, and terms the catalog lacks. " +
                "Writes nothing. Notes the importer would refuse (a NUL or control character, an overlong line or file) are errors with " +
                "code SEED_INVALID and `extensions.file` and `extensions.line`, and the draft is null.")
            .Argument<NonNullGraphType<StringGraphType>>("path", "Where the notes are to be imported: `notes/NAME.md` (NAME: letters, digits, `.`, `_`, `-`). The draft's slugs and catalog path derive from NAME.")
            .Argument<NonNullGraphType<StringGraphType>>("content", "The write-up's Markdown (UTF-8 text; raw HTML and CRLF line ends are fine).")
            .Resolve(c =>
            {
                var path = c.GetArgument<string>("path");
                var content = c.GetArgument<string>("content");
                var problem = ImportedPaths.Problem(path) ?? (SeedLoader.IsNotesPath(path) ? null : "notes are imported as notes/NAME.md.");
                if (problem is not null)
                {
                    throw new ExecutionError($"The path '{path}' cannot hold notes: {problem}")
                    {
                        Code = ErrorCodes.BadUserInput,
                        Extensions = new Dictionary<string, object?> { ["path"] = path },
                    };
                }
                var errors = SeedText.Check(path, content, notes: true).ToList();
                if (errors.Count > 0)
                {
                    ImportMutations.AddSeedErrors(c, errors);
                    return null;
                }
                return NotesDrafter.Draft(path, content, SnapshotVocabulary.Of(c.Catalog()));
            });
    }
}
