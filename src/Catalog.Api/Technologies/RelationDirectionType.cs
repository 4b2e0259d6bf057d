using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class RelationDirectionType : EnumerationGraphType<RelationDirection>
{
    public RelationDirectionType()
    {
        Name = "RelationDirection";
        Description = "Which end of a relation the technology asked about is.";
    }
}
