using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class RemoveImportedNotesPayloadType : ObjectGraphType<ImportedFilesResult>
{
    public RemoveImportedNotesPayloadType()
    {
        Name = "RemoveImportedNotesPayload";
        Description = "What `removeImportedNotes` did.";
        Field<NonNullGraphType<StringGraphType>>("seedHash")
            .Description("The SHA-256 (hex) of the effective seed the catalog now holds: the seed folder's files and the imported files left.")
            .Resolve(c => c.Source.Import.SeedHash);
        Field<NonNullGraphType<BooleanGraphType>>("changed").Description("Whether any row changed.").Resolve(c => c.Source.Import.Changed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityChangesType>>>>("changes")
            .Description("The rows added, updated and removed, per kind of row that changed.")
            .Resolve(c => EntityChanges.Of(c.Source.Import));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paths")
            .Description("The paths of the files removed.")
            .Resolve(c => c.Source.Paths);
    }
}
