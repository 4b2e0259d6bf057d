using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Notes;

public sealed class MentionType : ObjectGraphType<Mention>
{
    public MentionType()
    {
        Name = "Mention";
        Description = "One place in the notes that names a technology: the text matched, the whole line, and where it is.";
        this.IsNode(m => m.Id);
        Field(m => m.Line).Description("The 1-based line number in the notes file.");
        Field(m => m.Column).Description("The 1-based column where the match starts, in UTF-16 code units.");
        Field(m => m.MatchedText).Description("The text as the notes write it (\"Kubernets\", \"k8s\").");
        Field(m => m.LineText).Description("The whole line of the notes, as Markdown.");
        Field<NonNullGraphType<TechnologyType>>("technology").Description("The technology named.").Resolve(c => c.Catalog().Technologies[c.Source.TechnologyId]);
        Field<NonNullGraphType<SectionType>>("section").Description("The section of the notes the line is in.").Resolve(c => c.Catalog().Sections[c.Source.SectionId]);
        Field<TalkType>("talk").Description("The talk whose notes these are; null for other sections (booth conversations, the after-party).")
            .Resolve(c => c.Catalog() is var catalog && catalog.Sections[c.Source.SectionId].TalkId is { } talk ? catalog.Talks[talk] : null);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
