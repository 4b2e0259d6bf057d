namespace Catalog.Model;

/// <summary>
/// The PostgreSQL advisory lock that serialises whatever rewrites the catalog's schema or contents as a whole:
/// migrations and imports, from any instance or tool.
/// </summary>
public static class CatalogLock
{
    /// <summary>The lock's key: "Catalog" in ASCII.</summary>
    public const long Key = 0x436174616C6F67;

    /// <summary>
    /// How long a migration or import waits for the lock: another instance's whole import, which can take far longer
    /// than a request's command timeout on a busy machine or a large catalog. A request's own deadline still cancels it.
    /// </summary>
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);
}
