using System.Runtime.CompilerServices;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Catalog.Api.Graph.Limits;

/// <summary>Counts the aliases and directives of a whole document (operations and fragments) in one walk.</summary>
internal sealed class DocumentCounts : IASTVisitorContext
{
    public int Aliases { get; private set; }
    public int Directives { get; private set; }
    public CancellationToken CancellationToken => default;

    private static readonly ConditionalWeakTable<GraphQLDocument, DocumentCounts> Cache = [];

    /// <summary>The counts of a document, walked once however many rules ask.</summary>
    public static async ValueTask<DocumentCounts> OfAsync(GraphQLDocument document)
    {
        if (Cache.TryGetValue(document, out var counts)) return counts;
        counts = new DocumentCounts();
        await Walker.Instance.VisitAsync(document, counts).ConfigureAwait(false);
        Cache.AddOrUpdate(document, counts);
        return counts;
    }

    private sealed class Walker : ASTVisitor<DocumentCounts>
    {
        public static readonly Walker Instance = new();

        protected override ValueTask VisitFieldAsync(GraphQLField field, DocumentCounts context)
        {
            if (field.Alias is not null) context.Aliases++;
            return base.VisitFieldAsync(field, context);
        }

        protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, DocumentCounts context)
        {
            context.Directives++;
            return base.VisitDirectiveAsync(directive, context);
        }
    }
}
