using Microsoft.AspNetCore.StaticAssets;

namespace Catalog.Api.Assets;

/// <summary>
/// The fingerprinted URL of each static web asset (<c>/graphql-ide/ide.js</c> → <c>/graphql-ide/ide.&lt;fingerprint&gt;.js</c>):
/// the URL changes with the content, so it may be cached for a year.
/// </summary>
public sealed class AssetUrls(EndpointDataSource endpoints)
{
    private readonly Lazy<Dictionary<string, (string Url, string Fingerprint)>> _byPath = new(() => Read(endpoints));

    /// <summary>The fingerprinted URL and the fingerprint of the asset at <paramref name="path"/>, or null when the build has no such asset.</summary>
    public (string Url, string Fingerprint)? Fingerprinted(string path) => _byPath.Value.TryGetValue(path, out var found) ? found : null;

    private static Dictionary<string, (string, string)> Read(EndpointDataSource endpoints)
    {
        var byPath = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not { } asset) continue;
            var label = asset.Properties.FirstOrDefault(p => p.Name == "label")?.Value;
            var fingerprint = asset.Properties.FirstOrDefault(p => p.Name == "fingerprint")?.Value;
            if (label is not null && fingerprint is not null) byPath.TryAdd("/" + label, ("/" + asset.Route, fingerprint));
        }
        return byPath;
    }
}
