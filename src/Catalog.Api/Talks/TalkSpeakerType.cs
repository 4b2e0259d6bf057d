using Catalog.Api.Events;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Talks;

public sealed class TalkSpeakerType : ObjectGraphType<TalkSpeaker>
{
    public TalkSpeakerType()
    {
        Name = "TalkSpeaker";
        Description = "A speaker of a talk and the organisation they spoke for.";
        Field<NonNullGraphType<PersonType>>("person").Description("The speaker.").Resolve(c => c.Source.Person);
        Field<OrganizationType>("organization").Description("The organisation they spoke for, when the notes say.")
            .Resolve(c => c.Source.OrganizationId is { } id ? c.Catalog().Organizations[id] : null);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
