using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class EntityChangesType : ObjectGraphType<EntityChanges>
{
    public EntityChangesType()
    {
        Name = "EntityChanges";
        Description = "How many rows of one kind an import added, updated and removed.";
        Field(c => c.Entity).Description("The kind of row: Technology, TechnologyAlias, Talk, Mention, SourceDocument, ImportedFile, ...");
        Field(c => c.Added).Description("Rows added.");
        Field(c => c.Updated).Description("Rows changed in place (they keep their ids).");
        Field(c => c.Removed).Description("Rows removed.");
    }
}
