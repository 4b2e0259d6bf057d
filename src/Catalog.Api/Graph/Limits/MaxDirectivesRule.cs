using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>Refuses directive overloading: thousands of <c>@include</c>s make validation and execution slow.</summary>
public sealed class MaxDirectivesRule(IOptions<LimitsOptions> options) : IValidationRule
{
    public async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = options.Value.MaxDirectives;
        var counts = await DocumentCounts.OfAsync(context.Document).ConfigureAwait(false);
        if (counts.Directives > max)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"The document uses {counts.Directives} directives; the limit (MaxDirectives) is {max}.", context.Document)
            { Code = ErrorCodes.MaxDirectives });
        }
        return null;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
