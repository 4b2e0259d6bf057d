using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Search;

public sealed class SearchQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    public const int DefaultFirst = 10;
    public const int MaxFirst = 50;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultType>>>>("search")
            .Description(
                "Technologies (names, aliases, readings, the notes' spellings and typos, short definitions in both languages), talks (titles), " +
                "organisations (names, Japanese names, aliases) and categories (names, aliases), best first. Case and Unicode width are ignored " +
                "(text is NFKC-folded and lower-cased, as aliases are for `technology(slug:)`). Ranking, by `score`: an exact name or alias (100) " +
                "> a prefix of one (80) > a substring of one (60) > a small typo, by trigram similarity (40) > text within a short definition (20); " +
                "within a tier, closer and shorter texts rank higher, texts in `lang` (or in no particular language) gain 5, and technologies " +
                "the notes mention more often gain up to 2. Each item appears once, with its best-matching text. " +
                $"Returns at most `first` results: {DefaultFirst} by default, at most {MaxFirst}.")
            .Argument<NonNullGraphType<StringGraphType>>("query", $"The text to look for, at most {CatalogSearch.MaxQueryLength} characters; not empty.")
            .Argument<LangType>("lang", "The language whose names and definitions rank first when matches are otherwise equal; null treats both alike.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = DefaultFirst; a.Description = $"How many results to return: {DefaultFirst} by default, at most {MaxFirst}."; })
            .Resolve(c =>
            {
                var text = c.GetArgument<string>("query");
                var normalized = CatalogSearch.NormalizeQuery(text);
                if (normalized.Length == 0)
                    throw new ExecutionError("'query' must contain something to look for; it was empty or only white space.") { Code = ErrorCodes.BadQuery };
                if (normalized.Length > CatalogSearch.MaxQueryLength)
                    throw new ExecutionError($"'query' may be at most {CatalogSearch.MaxQueryLength} characters long; it was {normalized.Length}.") { Code = ErrorCodes.BadQuery };
                var first = c.GetArgument("first", DefaultFirst);
                if (first is < 0 or > MaxFirst)
                    throw new ExecutionError($"'first' must be between 0 and {MaxFirst}; it was {first}.") { Code = ErrorCodes.BadPageSize };

                return CatalogSearch.Search(c.Catalog(), normalized, c.GetArgument<Lang?>("lang"), first);
            });
    }
}
