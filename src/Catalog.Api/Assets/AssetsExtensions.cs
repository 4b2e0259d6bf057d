using Catalog.Api.Graph.Http;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.FileProviders;

namespace Catalog.Api.Assets;

/// <summary>
/// The IDE's and the widget's bundles, built by npm, are ASP.NET Core static web assets (see Catalog.Api.csproj):
/// served by <c>MapStaticAssets</c> with their gzip and Brotli variants made at build, a strong ETag per variant,
/// <c>Vary: Accept-Encoding</c>, and under a fingerprinted URL that is cached for a year.
/// </summary>
public static class AssetsExtensions
{
    /// <summary>The widget's plain URL (the one-tag embed, no fingerprint): short, so a new release reaches every blog soon.</summary>
    public const string WidgetPlainCacheControl = "public, max-age=300, stale-while-revalidate=86400";

    public static WebApplicationBuilder AddCatalogAssets(this WebApplicationBuilder builder)
    {
        // In Development ASP.NET Core finds the assets of a build by itself; elsewhere a build (not a publish, which
        // copies them beside the binaries) needs this to find them where the build left them.
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        // A build serves its assets as a publish does, caching headers included, rather than watching them for edits:
        // the bundles change only when npm rebuilds them, and a restart follows that anyway.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        // A publish started from another folder (`dotnet /app/Catalog.Api.dll`) has its content root there: its assets
        // are still the ones beside its binaries (without this the asset endpoints would answer empty bodies).
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(builder.Environment.WebRootPath ?? "") && Directory.Exists(beside))
        {
            builder.Environment.WebRootPath = beside;
            builder.Environment.WebRootFileProvider = new PhysicalFileProvider(beside);
        }
        builder.Services.AddSingleton<AssetUrls>();
        builder.Services.AddSingleton<IdeAssets>();
        return builder;
    }

    public static WebApplication MapCatalogAssets(this WebApplication app)
    {
        app.MapStaticAssets()
            .RequireCors(GraphQLHttpExtensions.PublicCors)
            .Add(endpoint =>
            {
                if (endpoint.Metadata.OfType<StaticAssetDescriptor>().FirstOrDefault() is not { } asset) return;
                var widget = asset.Route.StartsWith("widget/", StringComparison.Ordinal);
                var fingerprinted = asset.Properties.Any(p => p.Name == "fingerprint") && asset.Properties.Any(p => p.Name == "label");
                var serve = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = http =>
                {
                    http.Response.OnStarting(() =>
                    {
                        var headers = http.Response.Headers;
                        headers.XContentTypeOptions = "nosniff";
                        if (widget)
                        {
                            // The widget runs on other sites' pages, including those that isolate themselves (COEP).
                            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                            if (!fingerprinted) headers.CacheControl = WidgetPlainCacheControl;
                        }
                        return Task.CompletedTask;
                    });
                    return serve(http);
                };
            });
        return app;
    }
}
