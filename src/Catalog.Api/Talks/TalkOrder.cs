using GraphQL.Types;

namespace Catalog.Api.Talks;

public enum TalkOrder
{
    /// <summary>In the order of the notes.</summary>
    Notes,
    /// <summary>By title.</summary>
    Title,
}

public sealed class TalkOrderType : EnumerationGraphType<TalkOrder>
{
    public TalkOrderType()
    {
        Name = "TalkOrder";
        Description = "The order of a talks list; ties are broken by id.";
    }
}
