using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Talks;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The talks this person gave.")
            .Resolve(c => c.Loaders().LoadMany<int, Talk>("person.talks", c.Source.Id, async (db, ids, ct) =>
                (await (from s in db.TalkSpeakers
                        join t in db.Talks on s.TalkId equals t.Id
                        where ids.Contains(s.PersonId)
                        orderby t.Position
                        select new { s.PersonId, Talk = t }).AsNoTracking().ToListAsync(ct))
                .ToLookup(x => x.PersonId, x => x.Talk)));
    }
}
