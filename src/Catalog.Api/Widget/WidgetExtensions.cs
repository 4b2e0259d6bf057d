using Catalog.Api.Development;
using Catalog.Api.Graph.Documents;
using Catalog.Api.Graph.Http;
using Catalog.Api.Linking;

namespace Catalog.Api.Widget;

public static class WidgetExtensions
{
    public static WebApplicationBuilder AddCatalogWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetAssets>();
        builder.Services.AddSingleton<LinkerOf>(SnapshotLinking.Of);
        builder.Services.AddSingleton<WidgetGlossary>();
        builder.Services.AddSingleton<DemoPage>();
        return builder;
    }

    /// <summary>
    /// <c>/widget/version</c> (the current versions and URLs), the term index, the definitions and the links the widget asks for,
    /// readable from any origin, and the demo pages; pins the whole glossary's query as a persisted document so that
    /// its GET works from the first request on. The script itself is a static web asset.
    /// </summary>
    public static IEndpointRouteBuilder MapCatalogWidget(this IEndpointRouteBuilder app)
    {
        if (WidgetAssets.Query is { } query) app.ServiceProvider.GetRequiredService<PersistedDocumentStore>().Pin(query);

        app.MapGet("/widget/version", (HttpContext http, WidgetGlossary glossary) => glossary.WriteVersionAsync(http))
            .RequireCors(GraphQLHttpExtensions.PublicCors);
        app.MapGet("/widget/index/{version:long}", (HttpContext http, long version, WidgetGlossary glossary) => glossary.WriteIndexAsync(http, version))
            .RequireCors(GraphQLHttpExtensions.PublicCors);
        app.MapGet("/widget/definitions/{version:long}/{lang}", (HttpContext http, long version, string lang, WidgetGlossary glossary) =>
            glossary.WriteDefinitionsAsync(http, version, lang)).RequireCors(GraphQLHttpExtensions.PublicCors);
        app.MapPost("/widget/links/{version:long}", (HttpContext http, WidgetGlossary glossary) => glossary.WriteLinksAsync(http))
            .RequireCors(GraphQLHttpExtensions.PublicCors);
        app.MapGet("/demo", (HttpContext http, DemoPage demo) => demo.WriteNotesAsync(http));
        app.MapGet("/demo/en", (HttpContext http, DemoPage demo) => demo.WriteEnglishAsync(http));
        app.MapGet("/demo/long", (HttpContext http, DemoPage demo) => demo.WriteLongAsync(http));
        return app;
    }
}
