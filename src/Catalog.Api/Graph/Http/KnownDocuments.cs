using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphQL.PersistedDocuments;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// Persisted documents by sha256: the documents this service ships (IDE examples, the widget's query) and every
/// document it has executed, so a client may send <c>documentId: "sha256:…"</c> instead of the text. Bounded.
/// </summary>
public sealed class KnownDocuments : IPersistedDocumentLoader
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, string> _byHash = new(StringComparer.Ordinal);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Add(string text)
    {
        if (_byHash.Count < Capacity) _byHash.TryAdd(Sha256(text), text);
    }

    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        new(documentIdPrefix == "sha256" && _byHash.TryGetValue(documentIdPayload.ToLowerInvariant(), out var text) ? text : null);
}
