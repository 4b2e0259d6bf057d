using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Ingest.Annotating;
using GraphQL.Types;

namespace Catalog.Api.Annotating;

public sealed class AnnotationType : ObjectGraphType<Annotation>
{
    public AnnotationType()
    {
        Name = "Annotation";
        Description = "A post with its technologies linked and a glossary section at its end, for a blog that runs no scripts.";
        Field(a => a.Text).Description(
            "The post, unchanged but for the links (or `<abbr title>` elements) and the glossary section at its end (before `</body>` in a whole HTML page), " +
            "in the post's line breaks.");
        Field<NonNullGraphType<LangType>>("lang").Description("The post's language: as given, or detected from its text.").Resolve(c => c.Source.Lang);
        Field<NonNullGraphType<AnnotateFormatType>>("format").Description("What the post and its annotated copy are written in.").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnnotatedLinkType>>>>("links")
            .Description("Every link made, in the order of the text.")
            .Resolve(c => c.Source.Links);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnnotatedTermType>>>>("glossary")
            .Description("The glossary section's entries: each technology linked, in the order of its first link.")
            .Resolve(c => c.Source.Glossary);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
