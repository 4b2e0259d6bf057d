namespace Catalog.Model;

/// <summary>A row with a unique, URL-safe slug, found by the root by-slug fields.</summary>
public interface ISlugged
{
    string Slug { get; }
}
