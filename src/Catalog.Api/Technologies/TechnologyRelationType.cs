using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyRelationType : ObjectGraphType<RelationView>
{
    public TechnologyRelationType()
    {
        Name = "TechnologyRelation";
        Description = "A typed, sourced relation between two technologies, read from `from` to `to`: Istio USES Envoy.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is RelationView;
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID, for `node(id:)`.").Resolve(c => GlobalId.Encode(Name, c.Source.Relation.Id));
        Field<NonNullGraphType<RelationKindType>>("kind").Description("The kind of relation.").Resolve(c => c.Source.Relation.Kind);
        Field<NonNullGraphType<RelationDirectionType>>("direction")
            .Description("OUTGOING when the technology this was reached from is `from`, INCOMING when it is `to`.")
            .Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<TechnologyType>>("technology").Description("The other end, seen from the technology this was reached from.")
            .Resolve(c => c.Catalog().Technologies[c.Source.OtherId]);
        Field<NonNullGraphType<TechnologyType>>("from").Description("The subject of the relation.").Resolve(c => c.Catalog().Technologies[c.Source.Relation.FromId]);
        Field<NonNullGraphType<TechnologyType>>("to").Description("The object of the relation.").Resolve(c => c.Catalog().Technologies[c.Source.Relation.ToId]);
        Field<StringGraphType>("sourceUrl").Description("Where this fact comes from.").Resolve(c => c.Source.Relation.SourceUrl);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
