using System.ComponentModel;

namespace Catalog.Api.Notes;

public enum SectionKind
{
    [Description("What comes before the first heading of the notes.")]
    Preamble,
    [Description("The notes' introduction.")]
    Introduction,
    [Description("An overview of the event.")]
    Overview,
    [Description("The notes of one talk.")]
    Talk,
    [Description("Conversations at the booths.")]
    Booth,
    [Description("The party after the event.")]
    AfterParty,
    [Description("Any other part of the notes.")]
    Other,
}
