using System.Collections.Concurrent;
using Catalog.Api.Snapshot;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// The bytes of successful GET queries, kept while the catalog's snapshot stays the same (<see cref="CatalogSnapshots"/>), so the
/// glossary that every blog page asks for is executed once per change, and a revalidation (<c>If-None-Match</c>)
/// is answered without executing anything. Bounded by entries and bytes (when full it starts over) and by age: an
/// answer read from a lagging replica just after a change is not kept for longer than <c>ResponseCacheSeconds</c>.
/// </summary>
public sealed class ResponseCache(CatalogSnapshots snapshots, IOptions<CatalogOptions> options)
{
    private readonly bool _enabled = options.Value.ResponseCache;
    private readonly long _maxAgeMs = options.Value.ResponseCacheSeconds * 1000L;

    public const int MaxEntries = 512;
    public const long MaxBytes = 32L << 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public sealed record Entry(long Revision, byte[] Body, string ETag, long StoredAtMs);

    /// <summary>The key of a GET: its whole query string and the negotiated media type.</summary>
    public static string KeyOf(HttpRequest request, string mediaType) => mediaType + " " + request.QueryString.Value;

    /// <summary>The revision an answer being computed now belongs to; null when nothing may be cached.</summary>
    public long? Revision => _enabled ? snapshots.Current?.Version : null;

    /// <summary>The entry kept under <paramref name="key"/>, whether or not it may still be served.</summary>
    public Entry? Peek(string key) => _entries.GetValueOrDefault(key);

    public bool TryGet(string key, out Entry entry)
    {
        if (_enabled && _entries.TryGetValue(key, out entry!) && entry.Revision == snapshots.Current?.Version
            && Environment.TickCount64 - entry.StoredAtMs < _maxAgeMs) return true;
        entry = null!;
        return false;
    }

    /// <summary>Keeps an answer computed at <paramref name="revision"/> (the revision read before executing).</summary>
    public void Add(string key, long revision, byte[] body, string etag)
    {
        if (!_enabled || revision != snapshots.Current?.Version || body.Length > MaxBytes / 8) return;
        if (_entries.Count >= MaxEntries || Interlocked.Read(ref _bytes) + body.Length > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
        var entry = new Entry(revision, body, etag, Environment.TickCount64);
        var previous = default(Entry);
        _entries.AddOrUpdate(key, entry, (_, old) => { previous = old; return entry; });
        Interlocked.Add(ref _bytes, body.Length - (previous?.Body.Length ?? 0));
    }
}
