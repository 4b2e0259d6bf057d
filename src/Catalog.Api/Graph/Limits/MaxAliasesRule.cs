using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>Refuses alias overloading: the same costly field asked for many times under different names.</summary>
public sealed class MaxAliasesRule(IOptions<LimitsOptions> options) : IValidationRule
{
    public async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = options.Value.MaxAliases;
        var counts = await DocumentCounts.OfAsync(context.Document).ConfigureAwait(false);
        if (counts.Aliases > max)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"The document uses {counts.Aliases} aliases; the limit (MaxAliases) is {max}.", context.Document)
            { Code = ErrorCodes.MaxAliases });
        }
        return null;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
