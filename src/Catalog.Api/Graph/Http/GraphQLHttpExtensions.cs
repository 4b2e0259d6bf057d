namespace Catalog.Api.Graph.Http;

public static class GraphQLHttpExtensions
{
    /// <summary>Maps GraphQL over HTTP (and the IDE for browsers) at <c>/graphql</c>, and the IDE's assets.</summary>
    public static IEndpointRouteBuilder MapCatalogGraphQL(this IEndpointRouteBuilder app)
    {
        app.Map("/graphql", (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapGet(IdeAssets.Prefix + "/{*file}", (HttpContext http, string file, IdeAssets ide) => ide.WriteFileAsync(http, file));
        return app;
    }
}
