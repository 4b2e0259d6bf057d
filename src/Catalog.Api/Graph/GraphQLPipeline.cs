using Catalog.Api.Auth;
using Catalog.Api.Caching;
using Catalog.Api.Graph.Documents;
using Catalog.Api.Graph.Errors;
using Catalog.Api.Graph.Http;
using Catalog.Api.Graph.Input;
using Catalog.Api.Graph.Limits;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Telemetry;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Catalog.Api.Graph;

/// <summary>
/// The GraphQL schema and all that a request goes through between the HTTP endpoint and the resolvers, in the order
/// it goes through it. GraphQL.NET runs the execution steps by their <see cref="GraphQL.DI.IConfigureExecution.SortOrder"/>,
/// the lowest first, each around all those after it; <see cref="Order"/> gives every step its place.
/// </summary>
public static class GraphQLPipeline
{
    /// <summary>Where each execution step sits: the lowest runs first and sees the results of all below it.</summary>
    public static class Order
    {
        /// <summary>Logs unexpected exceptions and masks them (and schema hints, when introspection is off) in every result.</summary>
        public const float ErrorMasking = 10;

        /// <summary>Times and counts every execution, refused ones included.</summary>
        public const float Telemetry = 20;

        /// <summary>The execution takes the catalog snapshot current now and reads it to the end.</summary>
        public const float Snapshot = 40;

        /// <summary>Variables holding NUL, other control characters or lone surrogates are refused (literals: in validation).</summary>
        public const float UnsafeVariables = 50;

        // 100: GraphQL.NET applies the options registered below (validation rules, complexity, timeout).

        /// <summary>A document sent by hash (documentId, or APQ's sha256Hash) becomes its text; every text that runs is kept.</summary>
        public const float PersistedDocuments = 200;

        /// <summary>A text seen before reuses its parsed, validated document: only the rules that depend on the request run again.</summary>
        public const float DocumentCache = 300;

        /// <summary>A new text is refused by its length and tokens before it is parsed.</summary>
        public const float DocumentSizeCheck = 400;

        /// <summary>
        /// At most so many queries, and apart from them so many mutations, execute at once; the others wait their turn
        /// or are refused with OVERLOADED. After the size check, so the document it parses to tell them apart is bounded.
        /// </summary>
        public const float ExecutionGate = 450;
    }

    /// <summary>Registers the schema, its graph types, the execution pipeline and the validation rules.</summary>
    public static WebApplicationBuilder AddCatalogGraphQL(this WebApplicationBuilder builder)
    {
        foreach (var feature in typeof(IQueryFields).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IQueryFields))))
            builder.Services.AddSingleton(typeof(IQueryFields), feature);
        foreach (var feature in typeof(IMutationFields).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IMutationFields))))
            builder.Services.AddSingleton(typeof(IMutationFields), feature);
        builder.Services.AddSingleton<PersistedDocumentStore>();
        builder.Services.AddSingleton<ExecutionGate>();
        builder.Services.AddSingleton<CatalogJsonSerializer>();
        builder.Services.AddSingleton<GraphQLEndpoint>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);

        var development = builder.Environment.IsDevelopment();
        var introspection = builder.Configuration.GetValue($"{CatalogOptions.Section}:{nameof(CatalogOptions.Introspection)}", true);
        var plans = builder.Configuration.GetValue($"{CatalogOptions.Section}:{nameof(CatalogOptions.ExecutionPlans)}", true);
        if (plans) builder.Services.AddSingleton<PlannedExecutionStrategy>();
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.Services.AddGraphQL(graphql =>
        {
            graphql
                .AddSchema<CatalogSchema>()
                .AddGraphTypes(typeof(CatalogSchema).Assembly)
                .AddSerializer(services => services.GetRequiredService<CatalogJsonSerializer>())
                // Every query resolver reads the in-memory snapshot and returns at once: running sibling fields as
                // tasks (the parallel strategy) would only add a task and a queue entry per field. Queries that are
                // plain reads are answered by an execution plan, the rest serially by GraphQL.NET.
                .AddExecutionStrategy(services => plans ? services.GetRequiredService<PlannedExecutionStrategy>() : SerialExecutionStrategy.Instance, OperationType.Query)
                .AddErrorInfoProvider(options => options.ExposeExceptionDetails = development)

                // Execution, in Order.
                .ConfigureExecution<ErrorMasking>()
                .ConfigureExecution<GraphQLTelemetry>()
                .ConfigureExecution<ExecutionGate>()
                .ConfigureExecution<SnapshotExecution>()
                .ConfigureExecution<UnsafeVariables>()
                .ConfigureExecution<PersistedDocuments>()
                .ConfigureExecution<DocumentCache>()
                .ConfigureExecution<DocumentSizeCheck>()
                .WithTimeout(TimeSpan.FromSeconds(limits.TimeoutSeconds), options => TimeoutLimit.Result(options, limits))

                // Validation, after the specification's own rules; all of it before any resolver runs.
                .AddValidationRule(KnownOperationTypeRule.Instance)
                .AddValidationRule<UnsafeTextRule>()
                .AddValidationRule<MaxDepthRule>()
                .AddValidationRule<MaxFieldsRule>()
                .AddValidationRule<MaxAliasesRule>()
                .AddValidationRule<MaxDirectivesRule>()
                // These depend on the request (its variables, its method, its user), so they run for cached documents
                // too: a document cached at `first: 1` must be costed again at `first: 100`.
                .AddComplexityLimit()
                .AddValidationRule(QueryOnlyOverGetRule.Instance, useForCachedDocuments: true)
                .AddValidationRule(MutationsNeedApiKeyRule.Instance, useForCachedDocuments: true);
            if (!introspection) graphql.AddValidationRule<NoIntrospectionValidationRule>();
        });
        return builder;
    }
}
