namespace Catalog.Api.Notes;

public enum SectionKind
{
    Preamble,
    Introduction,
    Overview,
    Talk,
    Booth,
    AfterParty,
    Other,
}
