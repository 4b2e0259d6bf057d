using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class RemoveImportedNotesInputType : InputObjectGraphType<RemoveImportedNotesInput>
{
    public RemoveImportedNotesInputType()
    {
        Name = "RemoveImportedNotesInput";
        Description = "Files imported through `importNotes`, to remove.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paths")
            .Description("The paths they were imported under, e.g. `notes/NAME.md`; each must name an imported file.");
    }
}
