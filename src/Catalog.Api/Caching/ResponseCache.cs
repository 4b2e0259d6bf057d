using System.Collections.Concurrent;
using Catalog.Api.Caching;
using Catalog.Api.Data;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Caching;

/// <summary>
/// The bytes of successful queries, with each content coding made for them (once, on first request), kept under the
/// catalog version they were computed at (<see cref="ICatalogVersion"/>), so a query that many clients ask for (the
/// whole glossary) is executed and compressed once per change, and a revalidation (<c>If-None-Match</c>) is answered
/// without executing anything. A GET is keyed by its query string, a POST by its body: an answer is a function of the
/// request and the catalog version alone (no field depends on who asks), so the method it came by does not matter.
/// A POST's answer is kept from the second time its body is asked on: one-off questions (searches as typed) would
/// otherwise fill the cache, push out the answers that are asked again, and pay for being copied and hashed.
/// Bounded by entries and bytes (when full it starts over) and by age: an answer read from a lagging replica just
/// after a change is not kept for longer than <c>ResponseCacheSeconds</c>.
/// </summary>
public sealed class ResponseCache(ICatalogVersion catalog, IOptions<CatalogOptions> options, TimeProvider time)
{
    private readonly bool _enabled = options.Value.ResponseCache;
    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(options.Value.ResponseCacheSeconds);

    public const int MaxEntries = 512;
    public const long MaxBytes = 32L << 20;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    public sealed record Entry(long Version, EncodedContent Content, long StoredAt);

    /// <summary>Longer POST bodies are executed every time rather than kept as keys.</summary>
    public const int MaxBodyKeyLength = 16 << 10;

    /// <summary>
    /// The key of a request: the negotiated media type with a GET's whole query string or a POST's whole body (null
    /// when the body is too long to be worth keeping).
    /// </summary>
    public static string? KeyOf(HttpRequest request, string mediaType, string? body) =>
        body is null ? mediaType + " " + request.QueryString.Value
        : body.Length <= MaxBodyKeyLength ? mediaType + " POST " + body
        : null;

    // The POST keys asked once (by hash: a collision only keeps a one-off answer), forgotten in bulk when many.
    private readonly ConcurrentDictionary<int, byte> _askedOnce = new();

    /// <summary>
    /// Whether the answer to a request with this key is worth keeping: a GET's always (its ETag needs the whole
    /// answer anyway), a POST's when the same body was asked before.
    /// </summary>
    public bool IsWorthKeeping(string key, bool isGet)
    {
        if (!_enabled) return false;
        if (isGet) return true;
        var hash = StringComparer.Ordinal.GetHashCode(key);
        if (_askedOnce.TryRemove(hash, out _)) return true;
        if (_askedOnce.Count >= 8 * MaxEntries) _askedOnce.Clear();
        _askedOnce.TryAdd(hash, 0);
        return false;
    }

    /// <summary>The catalog version an answer being computed now belongs to; null when nothing may be kept.</summary>
    public long? Version => _enabled ? catalog.Current : null;

    /// <summary>The entry kept under <paramref name="key"/>, whether or not it may still be served.</summary>
    public Entry? Peek(string key) => _entries.GetValueOrDefault(key);

    public bool TryGet(string key, out Entry entry)
    {
        if (_enabled && _entries.TryGetValue(key, out entry!) && entry.Version == catalog.Current
            && time.GetElapsedTime(entry.StoredAt) < _maxAge) return true;
        entry = null!;
        return false;
    }

    /// <summary>Keeps an answer computed at <paramref name="version"/> (the version read before executing).</summary>
    public void Add(string key, long version, EncodedContent content)
    {
        if (!_enabled || version != catalog.Current || content.Plain.Length > MaxBytes / 8) return;
        // Counted at the most it may weigh, its codings included, as they may be made after it is kept.
        var size = content.MaxSize;
        if (_entries.Count >= MaxEntries || Interlocked.Read(ref _bytes) + size > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
        var entry = new Entry(version, content, time.GetTimestamp());
        var previous = default(Entry);
        _entries.AddOrUpdate(key, entry, (_, old) => { previous = old; return entry; });
        Interlocked.Add(ref _bytes, size - (previous?.Content.MaxSize ?? 0));
    }
}
