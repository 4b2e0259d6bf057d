using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using GraphQL.Types;

namespace Catalog.Api.People;

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A speaker, with the name as the notes write it.";
        this.IsNode(p => p.Id);
        Field(p => p.Slug).Description("The unique, URL-safe key.");
        Field(p => p.Name).Description("The name as the notes write it (a handle, when the notes give only that).");
        Field(p => p.Handle, nullable: true).Description("The social handle the notes give, without the @.");
        Field(p => p.ProfileUrl, nullable: true).Description("The profile page the notes link the person to (Twitter/X, GitHub ...).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The talks this person gave.")
            .Resolve(c => c.Catalog().TalksOfPerson[c.Source.Id]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
