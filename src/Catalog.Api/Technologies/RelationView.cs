namespace Catalog.Api.Technologies;

/// <summary>A relation seen from one of its ends.</summary>
public sealed record RelationView(TechnologyRelation Relation, RelationDirection Direction)
{
    public int OtherId => Direction == RelationDirection.Outgoing ? Relation.ToId : Relation.FromId;
}
