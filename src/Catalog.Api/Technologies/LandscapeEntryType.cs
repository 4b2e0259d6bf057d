using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class LandscapeEntryType : ObjectGraphType<LandscapeEntry>
{
    public LandscapeEntryType()
    {
        Name = "LandscapeEntry";
        Description = "Where the CNCF Cloud Native Landscape lists a technology, and the facts it records about it (see `attribution`).";
        Field(l => l.Category).Description("The landscape category, as the landscape spells it (\"Orchestration & Management\").");
        Field(l => l.Subcategory).Description("The landscape subcategory, as the landscape spells it (\"Service Mesh\"). A technology the landscape lists in several places has each of them among its `categories`; this is the first.");
        Field(l => l.Description, nullable: true)
            .Description("The landscape's own description of the technology, in the landscape's words (see `attribution`), never Catalog's definition; null unless the imported landscape file carries descriptions (the repository's copy carries none).");
        Field<NonNullGraphType<StringGraphType>>("attribution")
            .Description("Where these facts and the description come from, and their licence.")
            .Resolve(_ => LandscapeEntry.Attribution);
        Field(l => l.Logo, nullable: true).Description("The file name of the technology's logo in the landscape (\"istio.svg\").");
        Field<DateOnlyGraphType>("acceptedOn").Description("The day the CNCF accepted the project, at any level; null outside the CNCF or when the landscape does not say.").Resolve(c => c.Source.AcceptedOn);
        Field<DateOnlyGraphType>("incubatingOn").Description("The day the project moved to incubation at the CNCF, when the landscape says.").Resolve(c => c.Source.IncubatingOn);
        Field<DateOnlyGraphType>("graduatedOn").Description("The day the project graduated at the CNCF, when the landscape says.").Resolve(c => c.Source.GraduatedOn);
        Field<DateOnlyGraphType>("archivedOn").Description("The day the CNCF archived the project, when the landscape says.").Resolve(c => c.Source.ArchivedOn);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
