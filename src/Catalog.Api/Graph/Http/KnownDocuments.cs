using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Caching.Memory;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// Persisted documents by sha256: every document this service has executed (and any a feature adds), so a client
/// may send <c>documentId: "sha256:&lt;hex&gt;"</c> instead of the text once the text ran. Bounded by the total
/// length of the texts; the least recently used go first.
/// </summary>
public sealed class KnownDocuments : IPersistedDocumentLoader, IDisposable
{
    /// <summary>The total length of the document texts kept.</summary>
    public const long SizeLimit = 4_000_000;

    private readonly MemoryCache _byHash = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>The lowercase hex sha256 of the UTF-8 text: the payload of a <c>sha256:</c> document id.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Add(string text)
    {
        var hash = Sha256(text);
        if (!_byHash.TryGetValue(hash, out _))
            _byHash.Set(hash, text, new MemoryCacheEntryOptions { Size = text.Length });
    }

    /// <summary>Adds a document that is never evicted: one a feature's clients send only by id (the glossary widget's).</summary>
    public void Pin(string text) =>
        _byHash.Set(Sha256(text), text, new MemoryCacheEntryOptions { Size = text.Length, Priority = CacheItemPriority.NeverRemove });

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        new(documentIdPrefix == "sha256" && _byHash.TryGetValue(documentIdPayload, out string? text) ? text : null);

    public void Dispose() => _byHash.Dispose();
}
