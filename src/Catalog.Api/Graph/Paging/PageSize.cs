namespace Catalog.Api.Graph.Paging;

public static class PageSize
{
    public const int Default = 20;
    public const int Max = 100;

    public static string Describe(string what) =>
        $"Returns the first `first` {what} after the cursor `after`: {Default} by default, at most {Max}.";
}
