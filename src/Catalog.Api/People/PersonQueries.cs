using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.People;

public sealed class PersonQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    private static readonly SortKey<Person, string> ByName = SortKey.ByName<Person>(p => p.Name);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<PersonType>("person")
            .Description("A speaker by slug or by handle (with or without the @).")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The person's slug or handle.")
            .Resolve(c => c.Catalog().FindPerson(c.GetArgument<string>("slug")));
        query.ConnectionField<object?, PersonType, Person>("people")
            .Description("Speakers by name. " + PageSize.Describe("people"))
            .Argument<StringGraphType>("organization", "Only people who spoke for this organisation (slug).")
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                IReadOnlyList<Person> rows = catalog.PeopleByName;
                if (c.GetArgument<string?>("organization") is { } organization)
                {
                    var spoke = catalog.OrganizationsBySlug.TryGetValue(organization, out var found) ? catalog.PeopleOfOrganization[found.Id] : [];
                    rows = [.. rows.Where(p => spoke.Contains(p.Id))];
                }
                return Keyset.Page(rows, ByName, c.First(), c.After());
            });
    }
}
