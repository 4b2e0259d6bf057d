using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class ImportNotesInputType : InputObjectGraphType<ImportNotesInput>
{
    public ImportNotesInputType()
    {
        Name = "ImportNotesInput";
        Description = "Seed files to import: typically a notes file and the catalog file that describes its document, talks and technologies.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportNotesFileInputType>>>>("files")
            .Description("The files, each path at most once. A path imported before is replaced; a path of the seed folder is refused.");
    }
}
