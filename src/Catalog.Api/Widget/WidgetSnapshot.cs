using System.Collections.Concurrent;
using System.Text;
using Catalog.Api.Caching;
using Catalog.Api.Glossary;
using Catalog.Api.Linking;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Linking;

namespace Catalog.Api.Widget;

/// <summary>
/// What the widget asks of one catalog snapshot, made on first use and kept with it: the term index, compressed
/// once; the linker that decides a page's ambiguous names; and each definitions answer a page has asked for,
/// compressed once per coding (up to <see cref="MaxAnswers"/> answers and <see cref="MaxBytes"/>; past that, answers
/// are still made but no longer kept).
/// </summary>
public sealed class WidgetSnapshot
{
    public const int MaxAnswers = 4096;
    public const long MaxBytes = 32L << 20;

    private readonly CatalogSnapshot _catalog;
    private readonly Lazy<EncodedContent> _index;
    private readonly Task<Linker> _linker;
    private readonly Lazy<IReadOnlyDictionary<string, int>> _ids;
    private readonly GlossaryCards[] _cards;
    private readonly ConcurrentDictionary<string, EncodedContent> _answers = new(StringComparer.Ordinal);
    private long _bytes;

    public WidgetSnapshot(CatalogSnapshot catalog, LinkerOf linkerOf)
    {
        _catalog = catalog;
        // Building the linker reads the whole catalog (seconds for a large one): begun as soon as a page asks for this
        // version, so that it is ready by the time the page has its index and asks about its ambiguous names.
        _linker = Task.Run(() => linkerOf(catalog));
        _ids = new Lazy<IReadOnlyDictionary<string, int>>(() => catalog.Technologies.Values.ToDictionary(t => t.Slug, t => t.Id, StringComparer.Ordinal));
        _index = new Lazy<EncodedContent>(() => Compress(Encoding.UTF8.GetBytes(TermIndex.Build(catalog)), "text/plain; charset=utf-8"));
        _cards = [.. Enum.GetValues<Lang>().Select(lang => new GlossaryCards(catalog, lang))];
    }

    public EncodedContent Index => _index.Value;

    /// <summary>The definitions of <paramref name="ids"/> (ascending, each once) in <paramref name="lang"/>.</summary>
    public EncodedContent Definitions(Lang lang, IReadOnlyList<int> ids)
    {
        var key = (lang == Lang.Ja ? "ja:" : "en:") + string.Join(',', ids);
        if (_answers.TryGetValue(key, out var kept)) return kept;
        var answer = Compress(_cards[(int)lang].Write(ids), "application/json; charset=utf-8");
        if (_answers.Count < MaxAnswers && Interlocked.Read(ref _bytes) + answer.MaxSize <= MaxBytes && _answers.TryAdd(key, answer))
            Interlocked.Add(ref _bytes, answer.MaxSize);
        return answer;
    }

    /// <summary>
    /// The ambiguous names the linker links in a page's <paramref name="blocks"/> (<see cref="WidgetLinks"/>): made per
    /// request, since every page's text is its own, and compressed quickly; null when the linker is not built within
    /// <paramref name="wait"/>.
    /// </summary>
    public async Task<EncodedContent?> LinksAsync(IReadOnlyList<string> blocks, TimeSpan wait, CancellationToken cancellation)
    {
        Linker linker;
        try
        {
            linker = await _linker.WaitAsync(wait, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
        return new(WidgetLinks.Answer(linker, _catalog.Version, _ids.Value, blocks), "application/json; charset=utf-8", EncodedContent.QuickBrotli);
    }

    // Brotli's best setting costs seconds per megabyte, and the first request after a change waits for it: past
    // 256 KB (an index many times the landscape's size) a quick setting, a fraction of a second per megabyte.
    private static EncodedContent Compress(byte[] plain, string contentType) =>
        new(plain, contentType, plain.Length <= 256 << 10 ? EncodedContent.BestBrotli : EncodedContent.QuickBrotli);
}
