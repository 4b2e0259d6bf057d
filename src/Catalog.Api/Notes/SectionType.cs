using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using GraphQL.Types;

namespace Catalog.Api.Notes;

public sealed class SectionType : ObjectGraphType<Section>
{
    public SectionType()
    {
        Name = "Section";
        Description = "A heading of the notes and the lines under it, up to the next heading.";
        this.IsNode(s => s.Id);
        Field(s => s.Slug).Description("The key of the section within its document.");
        Field<NonNullGraphType<SectionKindType>>("kind").Description("What the section records.").Resolve(c => c.Source.Kind);
        Field(s => s.Heading, nullable: true).Description("The heading as written; null for the preamble before the first heading.");
        Field(s => s.Level).Description("The heading level (1 to 6; 0 for the preamble).");
        Field(s => s.StartLine).Description("The first line (the heading's), 1-based.");
        Field(s => s.EndLine).Description("The last line.");
        Field<TalkType>("talk").Description("The talk, when the section is one.").Resolve(c => c.Source.TalkId is { } id ? c.Catalog().Talks[id] : null);
        Field<NonNullGraphType<SourceDocumentType>>("document").Description("The notes file.").Resolve(c => c.Catalog().Documents[c.Source.DocumentId]);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The section's lines, as Markdown.")
            .Resolve(c => c.Catalog().SectionText(c.Source));
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
