namespace Catalog.Api.Graph.Http;

public static class GraphQLHttpExtensions
{
    /// <summary>
    /// The one CORS policy: any origin may read Catalog's public answers (GraphQL, the widget's script and version),
    /// never with credentials, since nothing here depends on who asks; a preflight is answered for GET and POST with
    /// the headers a GraphQL client sends, and may be kept for a day.
    /// </summary>
    public const string PublicCors = "public";

    public static WebApplicationBuilder AddCatalogCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(cors => cors.AddPolicy(PublicCors, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        return builder;
    }

    /// <summary>
    /// A browser's GET of <c>/graphql</c> without a GraphQL request in it (no query, document id or persisted query)
    /// gets the IDE's page; any other request goes on to GraphQL over HTTP.
    /// </summary>
    public static WebApplication UseCatalogIde(this WebApplication app)
    {
        var ide = app.Services.GetRequiredService<IdeAssets>();
        app.Use((http, next) => IdeAssets.IsPageRequest(http.Request) ? ide.WritePageAsync(http) : next(http));
        return app;
    }

    /// <summary>Maps GraphQL over HTTP at <c>/graphql</c>, readable from any origin.</summary>
    public static IEndpointRouteBuilder MapCatalogGraphQL(this IEndpointRouteBuilder app)
    {
        app.Map("/graphql", (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http)).RequireCors(PublicCors);
        return app;
    }
}
