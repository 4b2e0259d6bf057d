namespace Catalog.Api.Data;

/// <summary>A row with a unique, URL-safe slug, found by the root by-slug fields.</summary>
public interface ISlugged
{
    string Slug { get; }
}
