using Catalog.Ingest.Drafting;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class NotesDraftType : ObjectGraphType<NotesDraft>
{
    public NotesDraftType()
    {
        Name = "NotesDraft";
        Description = "Catalog entries drafted for a write-up: the YAML to complete and import, and what it was made from.";
        Field(d => d.Yaml).Description(
            "The catalog YAML (seed/README.md): event (its name and date to fill in), document, sections and talks, with comments beside each talk. " +
            "Import it under `catalogPath` with the notes under `notesPath`.");
        Field(d => d.NotesPath).Description("The path the notes are to be imported under.");
        Field(d => d.CatalogPath).Description("The path for the YAML: `catalog/NAME.yaml`.");
        Field(d => d.Title).Description("The document's title: its title heading, else the first line of text.");
        Field(d => d.Language).Description("The document's language as guessed from its text: `ja` or `en`.");
        Field(d => d.MentionCount).Description("How many mentions of known technologies an import of the notes would record.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DraftHeadingType>>>>("headings")
            .Description("Every heading of the notes, in order, with what the draft made of it.")
            .Resolve(c => c.Source.Headings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DraftNearMissType>>>>("nearMisses")
            .Description("Words that look like known technologies in another spelling, in line order.")
            .Resolve(c => c.Source.NearMisses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DraftCandidateType>>>>("candidates")
            .Description("Terms that look like technologies the catalog lacks, most frequent first.")
            .Resolve(c => c.Source.Candidates);
    }
}
