using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class QueryType : ObjectGraphType
{
    public QueryType(IEnumerable<IQueryFields> features)
    {
        Name = "Query";
        Description = "Read the catalog: technologies, the talks that covered them, and the lines of the notes that mention them.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal))
        {
            var before = Fields.Count;
            feature.AddTo(this);
            if (feature.ReadsTheSnapshot)
                foreach (var field in Fields.Skip(before)) field.ReadsTheSnapshot();
        }
    }
}
