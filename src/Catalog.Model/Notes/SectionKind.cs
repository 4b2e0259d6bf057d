using System.ComponentModel;

namespace Catalog.Model.Notes;

/// <summary>What a section of the notes records. The seed spells each in kebab case (<c>after-party</c>).</summary>
public enum SectionKind
{
    [Description("The lines before the first heading (a blog's name, a date line).")]
    Preamble,

    [Description("The post's opening: usually its title heading and why the author went.")]
    Introduction,

    [Description("A heading over the talks, such as \"Talks I saw\", with little text of its own.")]
    Overview,

    [Description("A talk: the section of a `talks` entry.")]
    Talk,

    [Description("A heading that groups talks by track, room, day or theme (\"Day 1\", \"Track A\", \"Apache Mesos\").")]
    Track,

    [Description("Conversations at sponsors' booths.")]
    Booth,

    [Description("The party after the conference, and what was heard there.")]
    AfterParty,

    [Description("The post's end: summary, impressions, thanks.")]
    Closing,

    [Description("A list of links: slides, videos, other write-ups.")]
    Links,

    [Description("Anything else.")]
    Other,
}
