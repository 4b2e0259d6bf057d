using GraphQL.Types;

namespace Catalog.Api.Talks;

public sealed class TalkOrderType : EnumerationGraphType<TalkOrder>
{
    public TalkOrderType()
    {
        Name = "TalkOrder";
        Description = "The order of a talks list; ties are broken by id.";
    }
}
