using Catalog.Ingest.Drafting;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class DraftHeadingType : ObjectGraphType<DraftHeading>
{
    public DraftHeadingType()
    {
        Name = "DraftHeading";
        Description = "A heading of drafted notes and what the draft made of it: a talk, a section of another kind, or a sub-heading kept in its talk.";
        Field(h => h.Line).Description("The heading's line, 1-based.");
        Field(h => h.EndLine).Description("The last line it covers (a talk's sub-headings included).");
        Field(h => h.Level).Description("The heading level, 1 to 6.");
        Field(h => h.Heading).Description("The heading as written.");
        Field(h => h.Occurrence).Description("Which heading of this text it is, counting from 1 (an entry says `occurrence` when it is not the first).");
        Field<SectionKindType>("kind").Description("`TALK`, another kind of section, or null for a sub-heading that stays part of the talk above it.").Resolve(c => c.Source.Kind);
        Field(h => h.Slug, nullable: true).Description("The drafted entry's slug; null for a sub-heading.");
        Field(h => h.Title, nullable: true).Description("A talk's drafted title: the heading without Markdown, the speakers it names, its time slot and its track.");
        Field(h => h.Time, nullable: true).Description("A talk's time slot as its heading writes it (\"10:00 - 10:30\"), when it gives one.");
        Field(h => h.Track, nullable: true).Description("A talk's track, room or number as its heading writes it (\"Room A\", \"B-2\"), when it gives one.");
    }
}
