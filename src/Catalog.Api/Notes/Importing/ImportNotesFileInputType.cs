using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class ImportNotesFileInputType : InputObjectGraphType<ImportNotesFileInput>
{
    public ImportNotesFileInputType()
    {
        Name = "ImportNotesFileInput";
        Description = "One seed file, in the seed folder's format (see seed/README.md).";
        Field<NonNullGraphType<StringGraphType>>("path")
            .Description("Where the file goes in the effective seed: `catalog/NAME.yaml`, `catalog/NAME.yml` or `notes/NAME.md` (NAME: letters, digits, `.`, `_`, `-`). A catalog entry's `documents[].file` names a notes file by this path.");
        Field<NonNullGraphType<StringGraphType>>("content").Description("The file's whole text (UTF-8): Markdown notes or catalog YAML.");
    }
}
