namespace Catalog.Api;

/// <summary>The service's own settings, from the <c>Catalog</c> configuration section.</summary>
public sealed class CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>The seed folder. Default: the nearest <c>seed/</c> above the content root, else the copy beside the binaries.</summary>
    public string SeedPath { get; set; } = "";

    /// <summary>Apply migrations and import the seed at start-up when the database does not hold it yet.</summary>
    public bool ImportOnStart { get; set; } = true;

    /// <summary>Where the local PostgreSQL lives when no connection string is configured.</summary>
    public string LocalDatabasePath { get; set; } = "";

    /// <summary>Answer introspection (<c>__schema</c>, <c>__type</c>); when off, error messages suggest no field names either.</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>
    /// Keep successful GET answers until the catalog changes (and at most <see cref="ResponseCacheSeconds"/>). Needs
    /// PostgreSQL's LISTEN on the primary: turn it off behind a pooler that cannot LISTEN (PgBouncer in transaction mode).
    /// </summary>
    public bool ResponseCache { get; set; } = true;

    /// <summary>The longest a cached GET answer is served, even with no change seen (bounds read-replica lag).</summary>
    public int ResponseCacheSeconds { get; set; } = 60;

    /// <summary>
    /// Answer queries that only read the snapshot through execution plans that write JSON as they walk it; off, every
    /// query is executed by GraphQL.NET's serial strategy (the same bytes, more slowly).
    /// </summary>
    public bool ExecutionPlans { get; set; } = true;

    internal static string FindSeed(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seed");
            if (Directory.Exists(Path.Combine(candidate, "catalog"))) return candidate;
        }
        return Path.Combine(AppContext.BaseDirectory, "seed");
    }
}
