using GraphQL.Types;

namespace Catalog.Api.Notes;

public sealed class SectionKindType : EnumerationGraphType<SectionKind>
{
    public SectionKindType()
    {
        Name = "SectionKind";
        Description = "What a section of the notes records.";
    }
}
