namespace Catalog.Model.Technologies;

/// <summary>A typed, sourced edge from one technology to another ("Istio uses Envoy").</summary>
public sealed class TechnologyRelation : IEntity
{
    public int Id { get; init; }
    public int FromId { get; init; }
    public int ToId { get; init; }
    public required RelationKind Kind { get; init; }
    public string? SourceUrl { get; set; }
    public Technology? From { get; init; }
    public Technology? To { get; init; }
}
