namespace Catalog.Model;

/// <summary>A row with an integer id: what the generic by-id loader and the Node ids need.</summary>
public interface IEntity
{
    int Id { get; }
}
