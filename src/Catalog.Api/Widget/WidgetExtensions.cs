using Catalog.Api.Graph.Http;

namespace Catalog.Api.Widget;

public static class WidgetExtensions
{
    public static WebApplicationBuilder AddCatalogWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetAssets>();
        builder.Services.AddSingleton<DemoPage>();
        return builder;
    }

    /// <summary>
    /// <c>/widget/glossary.js</c> (the widget), <c>/widget/version</c> (its cache-busting URL) and the demo pages; pins
    /// the widget's glossary query as a persisted document so its GET works from the first request on.
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogWidget(this IEndpointRouteBuilder app)
    {
        var widget = app.ServiceProvider.GetRequiredService<WidgetAssets>();
        if (widget.Query is { } query) app.ServiceProvider.GetRequiredService<KnownDocuments>().Pin(query);

        app.MapGet(WidgetAssets.ScriptPath, (HttpContext http, WidgetAssets assets) => assets.WriteScriptAsync(http));
        app.MapGet("/widget/version", (HttpContext http, WidgetAssets assets) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.AccessControlAllowOrigin = "*";
            return Results.Json(new
            {
                version = assets.Version,
                script = assets.VersionedPath,
                documentId = assets.Query is { } text ? "sha256:" + KnownDocuments.Sha256(text) : null,
            });
        });
        app.MapGet("/demo", (HttpContext http, DemoPage demo) => demo.WriteNotesAsync(http));
        app.MapGet("/demo/en", (HttpContext http, DemoPage demo) => demo.WriteEnglishAsync(http));
        return app;
    }
}
