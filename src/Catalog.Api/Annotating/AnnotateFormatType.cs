using Catalog.Ingest.Annotating;
using GraphQL.Types;

namespace Catalog.Api.Annotating;

public sealed class AnnotateFormatType : EnumerationGraphType<AnnotateFormat>
{
    public AnnotateFormatType()
    {
        Name = "AnnotateFormat";
        Description = "What a post given to `annotate` is written in; the annotated copy is written in the same.";
    }
}
