using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Annotating;
using GraphQL.Types;

namespace Catalog.Api.Annotating;

public sealed class AnnotatedLinkType : ObjectGraphType<AnnotatedLink>
{
    public AnnotatedLinkType()
    {
        Name = "AnnotatedLink";
        Description = "A name in the post that `annotate` made a link (or an `<abbr>`): where it was in the text as given, and why it means the technology.";
        Field<NonNullGraphType<TechnologyType>>("technology")
            .Description("The technology the name means.")
            .Resolve(c => c.Catalog().FindTechnology(c.Source.Slug));
        Field("matchedText", l => l.Text).Description("The name as the post writes it.");
        Field(l => l.Line).Description("Its line in the text as given, from 1.");
        Field(l => l.Column).Description("Its column in that line, from 1, in UTF-16 code units (JavaScript's string indices plus one).");
        Field(l => l.Evidence).Description(
            "Why it links: `name` for a name that is the technology's wherever it is written; for a name that is also an ordinary word or another name, " +
            "the evidence found in the post (`code`, `named in code`, `named elsewhere in the document`, `its homepage or repository`, or a weight and the related technologies and words that made it).");
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
