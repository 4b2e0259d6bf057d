using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// GraphQL.NET's complexity analyzer with Catalog's cost model (<see cref="ComplexityImpact"/>), refusing a query
/// whose estimated cost is over <see cref="LimitsOptions.MaxComplexity"/> with MAX_COMPLEXITY_EXCEEDED. Depth is
/// <see cref="MaxDepthRule"/>'s, which exempts introspection.
/// </summary>
internal static class ComplexityLimit
{
    /// <summary>
    /// GraphQL.NET's complexity analyzer, run for cached documents too: a document's cost depends on its variables
    /// (<c>first: $n</c>), which change with every request (<c>AddComplexityAnalyzer</c> runs it only when a document
    /// is first validated).
    /// </summary>
    public static IGraphQLBuilder AddComplexityLimit(this IGraphQLBuilder builder)
    {
        builder.AddValidationRule<ComplexityValidationRule>(useForCachedDocuments: true);
        builder.Services.Configure<ComplexityOptions>(Configure);
        return builder;
    }

    private static void Configure(ComplexityOptions complexity, IServiceProvider? services)
    {
        complexity.MaxDepth = null;
        complexity.MaxComplexity = null;
        complexity.DefaultComplexityImpactDelegate = ComplexityImpact.Of;
        complexity.ValidateComplexityDelegate = context =>
        {
            var max = services!.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxComplexity;
            if (context.TotalImpact > max)
            {
                var document = context.ValidationContext.Document;
                context.Error = new ValidationError(document.Source, null,
                    $"The query's estimated cost is {context.TotalImpact:0}; the limit (MaxComplexity) is {max}. Ask for fewer items (`first`) or fewer nested lists.", document)
                {
                    Code = ErrorCodes.MaxComplexity,
                };
            }
            return Task.CompletedTask;
        };
    }
}
