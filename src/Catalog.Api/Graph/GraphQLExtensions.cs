using Catalog.Api.Graph.Errors;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Limits;
using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Validation.Rules.Custom;

namespace Catalog.Api.Graph;

public static class GraphQLExtensions
{
    /// <summary>Registers the schema, its graph types, the per-request loaders and the execution pipeline.</summary>
    public static WebApplicationBuilder AddCatalogGraphQL(this WebApplicationBuilder builder)
    {
        foreach (var feature in typeof(IQueryFields).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IQueryFields))))
            builder.Services.AddSingleton(typeof(IQueryFields), feature);
        foreach (var feature in typeof(IMutationFields).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IMutationFields))))
            builder.Services.AddSingleton(typeof(IMutationFields), feature);
        builder.Services.AddSingleton<KnownDocuments>();
        builder.Services.AddSingleton<IdeAssets>();
        builder.Services.AddSingleton<GraphQLEndpoint>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddHttpContextAccessor();
        var development = builder.Environment.IsDevelopment();
        var introspection = builder.Configuration.GetValue($"{CatalogOptions.Section}:{nameof(CatalogOptions.Introspection)}", true);
        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<CatalogSchema>()
            .AddGraphTypes(typeof(CatalogSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = development)
            .ConfigureExecution<ErrorMasking>()
            .ConfigureExecution<Snapshot.SnapshotExecution>()
            .ConfigureExecution<Input.UnsafeVariables>()
            .AddValidationRule<Input.UnsafeTextRule>()
            .AddCatalogLimits(builder.Configuration)
            .ConfigureExecution<DocumentCache>()
            .ConfigureExecution<Telemetry.GraphQLTelemetry>()
            .UsePersistedDocuments(options =>
            {
                options.AllowOnlyPersistedDocuments = false;
                options.GetQueryDelegate = (execution, prefix, payload) =>
                    execution.RequestServices!.GetRequiredService<KnownDocuments>().GetQueryAsync(prefix, payload, execution.CancellationToken);
            }));
        if (!introspection)
            builder.Services.AddGraphQL(graphql => graphql.AddValidationRule<NoIntrospectionValidationRule>());
        return builder;
    }
}
