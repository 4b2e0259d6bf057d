using Catalog.Ingest.Drafting;
using GraphQL.Types;

namespace Catalog.Api.Notes.Importing;

public sealed class DraftNearMissType : ObjectGraphType<DraftNearMiss>
{
    public DraftNearMissType()
    {
        Name = "DraftNearMiss";
        Description = "A word of the notes that looks like a known technology in another spelling, or that is one of its look-up-only forms.";
        Field(n => n.Text).Description("The word as the notes write it.");
        Field(n => n.Line).Description("Its line.");
        Field(n => n.Technology).Description("The slug of the technology it looks like.");
        Field(n => n.Name).Description("That technology's name.");
        Field(n => n.Form).Description("The known form it is close to.");
        Field(n => n.Similarity).Description("Trigram similarity to that form (as the search's typo matching computes it), 0 to 1; 1 for a look-up-only form.");
        Field(n => n.LookUpOnly).Description(
            "True when the word is a form the catalog keeps out of running text on purpose (`match: false`, or case-sensitive and written in another case); " +
            "false for a near-miss spelling, which an alias entry (`aliases` in the YAML) would link.");
    }
}
