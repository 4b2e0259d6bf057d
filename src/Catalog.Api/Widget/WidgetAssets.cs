using System.Text;
using Catalog.Api.Assets;
using Catalog.Api.Graph.Documents;

namespace Catalog.Api.Widget;

/// <summary>
/// The glossary widget, built by npm (src/Catalog.Widget): its script is a static web asset at
/// <c>/widget/glossary.js</c> (see <see cref="AssetsExtensions"/>); the whole glossary's query
/// (<c>widget/glossary.graphql</c>, embedded) is pinned as a persisted document, so that a client that wants the whole
/// list can ask by its sha256 with a short, stable, cacheable GET (the widget itself asks for the term index and the
/// definitions it needs, see <see cref="WidgetGlossary"/>).
/// </summary>
public sealed class WidgetAssets(AssetUrls urls)
{
    public const string ScriptPath = "/widget/glossary.js";

    /// <summary>The whole glossary's query text, asked for by its sha256; null when the widget was not built in.</summary>
    public static string? Query { get; } = ReadQuery();

    /// <summary>The script's fingerprint, for cache busting; empty when the widget was not built in.</summary>
    public string Version => urls.Fingerprinted(ScriptPath)?.Fingerprint ?? "";

    /// <summary>The script's URL that may be cached for a year (the plain one when the widget was not built in).</summary>
    public string VersionedPath => urls.Fingerprinted(ScriptPath)?.Url ?? ScriptPath;

    /// <summary>The whole glossary's document id (<c>documentId</c> in <c>/widget/version</c>).</summary>
    public static string? DocumentId => Query is { } text ? "sha256:" + PersistedDocumentStore.Sha256(text) : null;

    private static string? ReadQuery()
    {
        using var stream = typeof(WidgetAssets).Assembly.GetManifestResourceStream("widget/glossary.graphql");
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
