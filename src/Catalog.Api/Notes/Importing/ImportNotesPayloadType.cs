using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class ImportNotesPayloadType : ObjectGraphType<ImportNotesPayload>
{
    public ImportNotesPayloadType()
    {
        Name = "ImportNotesPayload";
        Description = "What `importNotes` did.";
        Field<NonNullGraphType<StringGraphType>>("seedHash")
            .Description("The SHA-256 (hex) of the effective seed the catalog now holds: the seed folder's files and every imported file.")
            .Resolve(c => c.Source.Result.Import.SeedHash);
        Field<NonNullGraphType<BooleanGraphType>>("changed")
            .Description("Whether any row changed; false when the same files were imported again.")
            .Resolve(c => c.Source.Result.Import.Changed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityChangesType>>>>("changes")
            .Description("The rows added, updated and removed, per kind of row that changed.")
            .Resolve(c => EntityChanges.Of(c.Source.Result.Import));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("paths")
            .Description("The paths of the files imported.")
            .Resolve(c => c.Source.Result.Paths);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceDocumentType>>>>("documents")
            .Description("The notes documents the imported files hold (a notes file, or a document a catalog file defines), to go on to their sections, talks and mentions.")
            .Resolve(c => c.Source.Documents);
    }
}
