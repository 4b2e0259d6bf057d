using Catalog.Api.Categories;
using Catalog.Api.Organizations;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Search;

public sealed class SearchItemType : UnionGraphType
{
    public SearchItemType()
    {
        Name = "SearchItem";
        Description = "Anything `search` finds: a technology, a talk, an organisation or a category.";
        Type<TechnologyType>();
        Type<TalkType>();
        Type<OrganizationType>();
        Type<CategoryType>();
    }
}
