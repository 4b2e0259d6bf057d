using Catalog.Api.Graph.Documents;
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
    /// <c>/widget/version</c> (the script's cache-busting URL and the query's document id) and the demo pages; pins the
    /// widget's glossary query as a persisted document so its GET works from the first request on. The script itself
    /// is a static web asset.
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogWidget(this IEndpointRouteBuilder app)
    {
        if (WidgetAssets.Query is { } query) app.ServiceProvider.GetRequiredService<PersistedDocumentStore>().Pin(query);

        app.MapGet("/widget/version", (HttpContext http, WidgetAssets assets) =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Json(new { version = assets.Version, script = assets.VersionedPath, documentId = WidgetAssets.DocumentId });
        }).RequireCors(GraphQLHttpExtensions.PublicCors);
        app.MapGet("/demo", (HttpContext http, DemoPage demo) => demo.WriteNotesAsync(http));
        app.MapGet("/demo/en", (HttpContext http, DemoPage demo) => demo.WriteEnglishAsync(http));
        return app;
    }
}
