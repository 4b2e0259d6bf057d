using System.Collections.Concurrent;
using Catalog.Api.Data;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// The bytes of successful GET queries, kept until the catalog changes (<see cref="CatalogChanges"/>), so the
/// glossary that every blog page asks for is executed once per change, and a revalidation (<c>If-None-Match</c>)
/// is answered without executing anything. Bounded by entries and bytes; when full it starts over.
/// </summary>
public sealed class ResponseCache(CatalogChanges changes)
{
    public const int MaxEntries = 512;
    public const long MaxBytes = 32L << 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public sealed record Entry(long Revision, byte[] Body, string ETag);

    /// <summary>The key of a GET: its whole query string and the negotiated media type.</summary>
    public static string KeyOf(HttpRequest request, string mediaType) => mediaType + " " + request.QueryString.Value;

    /// <summary>The revision an answer being computed now belongs to; null when nothing may be cached.</summary>
    public long? Revision => changes.Revision;

    public bool TryGet(string key, out Entry entry)
    {
        if (_entries.TryGetValue(key, out entry!) && entry.Revision == changes.Revision) return true;
        entry = null!;
        return false;
    }

    /// <summary>Keeps an answer computed at <paramref name="revision"/> (the revision read before executing).</summary>
    public void Add(string key, long revision, byte[] body, string etag)
    {
        if (revision != changes.Revision || body.Length > MaxBytes / 8) return;
        if (_entries.Count >= MaxEntries || Interlocked.Read(ref _bytes) + body.Length > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
        var entry = new Entry(revision, body, etag);
        var previous = default(Entry);
        _entries.AddOrUpdate(key, entry, (_, old) => { previous = old; return entry; });
        Interlocked.Add(ref _bytes, body.Length - (previous?.Body.Length ?? 0));
    }
}
