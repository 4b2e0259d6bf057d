namespace Catalog.Api.Search;

/// <summary>What a search result is; the order breaks ties between equal scores.</summary>
public enum SearchItemKind
{
    Technology,
    Category,
    Organization,
    Talk,
}

/// <summary>One ranked hit: the item (its kind, id and entity), the text of it that matched, and its score.</summary>
public sealed record SearchResult(SearchItemKind Kind, int Id, string Matched, double Score, object Item);
