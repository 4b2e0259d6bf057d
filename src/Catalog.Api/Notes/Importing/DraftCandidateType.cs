using Catalog.Ingest.Drafting;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class DraftCandidateType : ObjectGraphType<DraftCandidate>
{
    public DraftCandidateType()
    {
        Name = "DraftCandidate";
        Description = "A term of the notes that looks like a technology the catalog lacks.";
        Field(c => c.Text).Description("The term as the notes first write it.");
        Field(c => c.Count).Description("How often the notes use it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("lines").Description("The lines it is on.").Resolve(c => c.Source.Lines);
    }
}
